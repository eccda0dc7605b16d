import { stringify } from 'csv-stringify/sync';

/** Which header row an export carries: the English keys (what the importer reads back) or Chinese labels. */
export enum CsvHeaders {
  ENGLISH = 'ENGLISH',
  CHINESE = 'CHINESE',
}

/** A column of an export: its English key, its Chinese label and how to read it from a row. */
export interface CsvColumn<T> {
  key: string;
  zh: string;
  value: (row: T) => string | number | null | undefined;
}

/**
 * Characters that make Excel, WPS and LibreOffice read a cell as a formula (or, for tab and
 * carriage return, hide what follows): `=HYPERLINK(...)` in a name would be a live link.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell Excel shows as text: a leading formula character gets an apostrophe before it
 * (OWASP "CSV injection"). Numbers are written as numbers (a negative figure stays a number).
 */
export function neutralise(value: string | number | null | undefined): string | number {
  if (value == null) return '';
  if (typeof value === 'number') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The reverse, for files read back in (an import of an export): drops the apostrophe `neutralise` added. */
export const unneutralise = (value: string): string =>
  value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;

/**
 * The one CSV writer of the platform's exports: RFC 4180 quoting by csv-stringify, CRLF line
 * ends, a UTF-8 byte order mark (Excel on a Chinese Windows otherwise reads UTF-8 as GBK and
 * shows garbage), formula cells neutralised, header row in English or Chinese.
 */
export function writeCsv<T>(columns: ReadonlyArray<CsvColumn<T>>, rows: Iterable<T>, headers: CsvHeaders = CsvHeaders.ENGLISH): string {
  const records: Array<Array<string | number>> = [columns.map((c) => (headers === CsvHeaders.CHINESE ? c.zh : c.key))];
  for (const row of rows) records.push(columns.map((c) => neutralise(c.value(row))));
  return stringify(records, { bom: true, record_delimiter: 'windows' });
}
