export { addDays, addYears, daysBetween, todayIn } from './dates';
export { PERIOD_YEARS, parsePeriod, monthsOf, monthPeriod, quarterPeriod, yearPeriod } from './period';
export type { Period } from './period';
export { WorkingDayCalendar, CalendarErrors } from './working-days/working-day-calendar';
export { parseCalendarYears, calendarYearSchema } from './working-days/calendar-year';
export type { CalendarYear } from './working-days/calendar-year';
