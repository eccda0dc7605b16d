export { addDays, addYears, daysBetween, todayIn } from './dates';
