export { addDays, addYears, daysBetween, todayIn } from './dates';
export { parsePeriod, monthsOf, monthPeriod, quarterPeriod, yearPeriod } from './period';
export type { Period } from './period';
