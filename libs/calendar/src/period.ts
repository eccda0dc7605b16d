import { CommonErrors, checkNumberWithin } from '@partybuild/errors';

/** A reporting period: a year, a quarter or a month, with its first and last day. */
export interface Period {
  label: string;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const monthPeriod = (year: number, month: number): Period => ({
  label: `${year}-${pad(month)}`,
  start: `${year}-${pad(month)}-01`,
  end: `${year}-${pad(month)}-${pad(lastDay(year, month))}`,
});

export const quarterPeriod = (year: number, quarter: number): Period => ({
  label: `${year}-Q${quarter}`,
  start: `${year}-${pad(quarter * 3 - 2)}-01`,
  end: monthPeriod(year, quarter * 3).end,
});

export const yearPeriod = (year: number): Period => ({ label: String(year), start: `${year}-01-01`, end: `${year}-12-31` });

/** The years a period may name. */
export const PERIOD_YEARS = { min: 1921, max: 2100 } as const;

/** Accepts `2026`, `2026-Q3` and `2026-07`; anything else is a BAD_USER_INPUT naming the forms. */
export function parsePeriod(text: string, field = 'period'): Period {
  const value = text.trim();
  const match = /^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$/.exec(value);
  if (!match) {
    throw CommonErrors.NOT_A_PERIOD({ value: text }, { field });
  }
  // The year 0000 makes no date PostgreSQL reads, and no record predates the Party (1921).
  const year = checkNumberWithin(field, '统计期间的年份', Number(match[1]), PERIOD_YEARS);
  if (match[2]) return quarterPeriod(year, Number(match[2]));
  if (match[3]) return monthPeriod(year, Number(match[3]));
  return yearPeriod(year);
}

/** The months (`YYYY-MM`) a period covers. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  let [year, month] = period.start.split('-').map(Number);
  const [endYear, endMonth] = period.end.split('-').map(Number);
  while (year < endYear || (year === endYear && month <= endMonth)) {
    months.push(`${year}-${pad(month)}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
}
