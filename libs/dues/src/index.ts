export { dueIn, memberDues, owedMonths, sumDues, withMonthlyDue } from './dues';
export type { DuesAccount, DuesTotals, MemberDues, MonthlyDue } from './dues';
