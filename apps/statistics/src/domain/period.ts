import { InvalidInputError } from '@partybuild/errors';

/** A statistics period: a year, a quarter or a month, as first and last day. */
export interface Period {
  label: string;
  from: string;
  to: string;
}

const lastDayOf = (year: number, month: number): string => new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
const pad = (n: number) => String(n).padStart(2, '0');

/** Reads `2026`, `2026-Q3` or `2026-07`; anything else is refused with an example. */
export function parsePeriod(text: string): Period {
  const value = text.trim();
  let match = /^(\d{4})$/.exec(value);
  if (match) return { label: value, from: `${match[1]}-01-01`, to: `${match[1]}-12-31` };
  match = /^(\d{4})-Q([1-4])$/i.exec(value);
  if (match) {
    const year = Number(match[1]);
    const first = (Number(match[2]) - 1) * 3 + 1;
    return { label: `${year}-Q${match[2]}`, from: `${year}-${pad(first)}-01`, to: lastDayOf(year, first + 2) };
  }
  match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    return { label: value, from: `${value}-01`, to: lastDayOf(year, month) };
  }
  throw new InvalidInputError('period', `"${text}" is not a period: write a year (2026), a quarter (2026-Q3) or a month (2026-07).`);
}

/** The months (`YYYY-MM`) a period covers. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let [year, month] = period.from.split('-').map(Number);
  const [endYear, endMonth] = period.to.split('-').map(Number);
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${pad(month)}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}
