import { InvalidInputError } from '@partybuild/errors';
import { Frequency } from './activity-type';

/** A reporting period: a year, a quarter or a month, with its first and last day. */
export interface Period {
  label: string;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
const monthPeriod = (year: number, month: number): Period => ({
  label: `${year}-${pad(month)}`,
  start: `${year}-${pad(month)}-01`,
  end: `${year}-${pad(month)}-${pad(lastDay(year, month))}`,
});
const quarterPeriod = (year: number, quarter: number): Period => ({
  label: `${year}-Q${quarter}`,
  start: `${year}-${pad(quarter * 3 - 2)}-01`,
  end: monthPeriod(year, quarter * 3).end,
});
const yearPeriod = (year: number): Period => ({ label: String(year), start: `${year}-01-01`, end: `${year}-12-31` });

/** Accepts `2026`, `2026-Q3` and `2026-07`; anything else is a BAD_USER_INPUT naming the forms. */
export function parsePeriod(text: string, field = 'period'): Period {
  const value = text.trim();
  const match = /^(\d{4})(?:-(?:Q([1-4])|(0[1-9]|1[0-2])))?$/.exec(value);
  if (!match) {
    throw new InvalidInputError(field, `"${text}" is not a period; write a year (2026), a quarter (2026-Q3) or a month (2026-07).`);
  }
  const year = Number(match[1]);
  if (match[2]) return quarterPeriod(year, Number(match[2]));
  if (match[3]) return monthPeriod(year, Number(match[3]));
  return yearPeriod(year);
}

/** The period of a frequency that contains a day: its month, quarter or year. */
export function slotOf(frequency: Frequency, day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (frequency === Frequency.MONTHLY) return monthPeriod(year, month);
  if (frequency === Frequency.QUARTERLY) return quarterPeriod(year, Math.ceil(month / 3));
  return yearPeriod(year);
}

/** The slots of a frequency that overlap a period: for 2026-07 and QUARTERLY, 2026-Q3. */
export function slotsOverlapping(frequency: Frequency, period: Period): Period[] {
  const slots: Period[] = [];
  let day = period.start;
  while (day <= period.end) {
    const slot = slotOf(frequency, day);
    slots.push(slot);
    const next = new Date(`${slot.end}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    day = next.toISOString().slice(0, 10);
  }
  return slots;
}

/** `YYYY-MM` of a day: the month statistics count an activity in. */
export const monthOf = (day: string): string => day.slice(0, 7);
