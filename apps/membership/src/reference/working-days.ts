import { CalendarYear, WorkingDayCalendar } from '@partybuild/calendar';

/**
 * The calendar every working-day rule of membership counts with (公示 ≥ 5 working days):
 * the official years shipped with the platform, plus the years a district administrator
 * supplies in WORKING_DAY_CALENDAR_FILE when the next year's notice is published before a
 * release carries it. Set once at start-up, read by the pure rules.
 */
let calendar = WorkingDayCalendar.official();

export const workingDayCalendar = (): WorkingDayCalendar => calendar;

export function useAdditionalCalendarYears(years: readonly CalendarYear[]): void {
  calendar = WorkingDayCalendar.official(years);
}
