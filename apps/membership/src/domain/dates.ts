import { workingDayCalendar } from '../reference/working-days';

/** Same day N months later; the 31st becomes the last day of a shorter month. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The n-th working day counted from `start` (inclusive), by the official calendar (holidays and
 * 调休 included); a year the calendar does not know is refused rather than guessed.
 */
export const nthWorkingDay = (start: string, n: number): string => workingDayCalendar().nthWorkingDay(start, n);

/** `YYYY-MM` of a day. */
export const monthOf = (day: string): string => day.slice(0, 7);

export function addMonthsToMonth(month: string, n: number): string {
  return addMonths(`${month}-01`, n).slice(0, 7);
}

/** Whole years from `birth` to `on`. */
export function ageOn(birth: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
  return on.slice(5) >= birth.slice(5) ? years : years - 1;
}
