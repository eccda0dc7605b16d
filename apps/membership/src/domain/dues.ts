import { DuesRules } from '../reference/membership-rules';
import { MembershipErrors } from '../errors';
import { MemberCategory } from './member-kinds';
import { addMonthsToMonth } from './dates';

/**
 * The monthly due in fen (分). In-service and retired members pay a share of their declared
 * monthly base (the rate of the bracket the whole base falls in); farmers a declared amount
 * within the allowed range; students, the unemployed and others a fixed amount.
 */
export function monthlyDueFen(category: MemberCategory, declaredBaseFen: number | null, rules: DuesRules): number {
  const brackets = rules.brackets[category];
  if (brackets) {
    const base = declaredBaseFen ?? 0;
    const bracket = brackets.find((b) => b.upToFen === null || base <= b.upToFen)!;
    return Math.max(Math.round(base * bracket.rate), base > 0 ? 1 : 0);
  }
  if (category === MemberCategory.FARMER) {
    const declared = declaredBaseFen ?? rules.farmer.minFen;
    return Math.min(Math.max(declared, rules.farmer.minFen), rules.farmer.maxFen);
  }
  return rules.fixedFen;
}

/** Checks a declared base: none below zero; a farmer's amount within the allowed range. */
export function checkDeclaredBase(category: MemberCategory, baseFen: number | null, rules: DuesRules): void {
  if (baseFen === null) return;
  if (!Number.isInteger(baseFen) || baseFen < 0) throw MembershipErrors.DUES_BASE_NEGATIVE();
  if (category === MemberCategory.FARMER && (baseFen < rules.farmer.minFen || baseFen > rules.farmer.maxFen)) {
    throw MembershipErrors.FARMER_DUES_RANGE({ min: rules.farmer.minFen / 100, max: rules.farmer.maxFen / 100, declared: baseFen / 100 });
  }
}

/** Every month from `from` to `to`, both included (`YYYY-MM`). */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = from; m <= to; m = addMonthsToMonth(m, 1)) months.push(m);
  return months;
}

/** The unpaid months before the current month, and the longest run of them ending now. */
export function arrears(
  startMonth: string,
  currentMonth: string,
  paid: ReadonlySet<string> | ReadonlyMap<string, number>,
): { unpaid: string[]; consecutive: number } {
  const due = startMonth < currentMonth ? monthsBetween(startMonth, addMonthsToMonth(currentMonth, -1)) : [];
  const unpaid = due.filter((m) => !paid.has(m));
  let consecutive = 0;
  for (let i = due.length - 1; i >= 0 && !paid.has(due[i]); i -= 1) consecutive += 1;
  return { unpaid, consecutive };
}

export const isMonth = (value: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
