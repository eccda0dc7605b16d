import { stringify } from 'csv-stringify/sync';
import { neutralise } from './formula-guard';

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
 * The one CSV writer of the platform's exports: RFC 4180 quoting by csv-stringify, CRLF line
 * ends, a UTF-8 byte order mark (Excel on a Chinese Windows otherwise reads UTF-8 as GBK and
 * shows garbage), formula cells neutralised, header row in English or Chinese.
 */
export function writeCsv<T>(columns: ReadonlyArray<CsvColumn<T>>, rows: Iterable<T>, headers: CsvHeaders = CsvHeaders.ENGLISH): string {
  const records: Array<Array<string | number>> = [columns.map((c) => (headers === CsvHeaders.CHINESE ? c.zh : c.key))];
  for (const row of rows) records.push(columns.map((c) => neutralise(c.value(row))));
  return stringify(records, { bom: true, record_delimiter: 'windows' });
}
