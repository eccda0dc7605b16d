import { defineErrors } from '@partybuild/errors';
import { addDays } from '../dates';
import type { CalendarYear } from './calendar-year';
import { OFFICIAL_YEARS } from './official-years';

export const CalendarErrors = defineErrors({
  WORKING_DAY_CALENDAR_UNKNOWN_YEAR: (p: { year: number; knownYears: string }) => ({
    zh: `工作日历尚未收录${p.year}年的节假日安排（已收录：${p.knownYears}），无法按工作日计算期限；请系统管理员在国务院办公厅公布${p.year}年节假日安排后补充工作日历。`,
    en: `The working-day calendar has no official arrangement for ${p.year} (known: ${p.knownYears}); working days cannot be counted until an administrator adds that year.`,
  }),
});

/**
 * Working days by the official calendar: Monday to Friday, minus public holidays, plus the
 * weekend days the State Council moves into work (调休). A day of a year the calendar does
 * not know is refused, because guessing Monday–Friday would end a 公示 early around a holiday.
 */
export class WorkingDayCalendar {
  private readonly rest = new Set<string>();
  private readonly work = new Set<string>();
  private readonly known = new Set<number>();

  constructor(years: readonly CalendarYear[]) {
    for (const year of years) {
      this.known.add(year.year);
      for (const h of year.holidays) for (let d = h.from; d <= h.to; d = addDays(d, 1)) this.rest.add(d);
      for (const d of year.adjustedWorkingDays) this.work.add(d);
    }
  }

  /** The shipped official years, with an administrator's later years (which win for their year). */
  static official(extra: readonly CalendarYear[] = []): WorkingDayCalendar {
    const replaced = new Set(extra.map((y) => y.year));
    return new WorkingDayCalendar([...OFFICIAL_YEARS.filter((y) => !replaced.has(y.year)), ...extra]);
  }

  years(): number[] {
    return [...this.known].sort((a, b) => a - b);
  }

  isWorkingDay(day: string): boolean {
    const year = Number(day.slice(0, 4));
    if (!this.known.has(year)) throw CalendarErrors.WORKING_DAY_CALENDAR_UNKNOWN_YEAR({ year, knownYears: this.years().join('、') });
    if (this.work.has(day)) return true;
    if (this.rest.has(day)) return false;
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The day on which the n-th working day counted from `start` (inclusive) falls. */
  nthWorkingDay(start: string, n: number): string {
    let day = start;
    let counted = this.isWorkingDay(day) ? 1 : 0;
    while (counted < n) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) counted += 1;
    }
    return day;
  }

  /** Working days from `from` to `to`, both included. */
  workingDaysBetween(from: string, to: string): number {
    let count = 0;
    for (let day = from; day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) count += 1;
    return count;
  }
}
