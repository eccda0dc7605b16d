/**
 * 党费 — one definition of what a member owes and paid, read by the membership service (its
 * dues summary and arrears), the statistics and the reconciliation:
 *
 * - a month is owed from the member's dues start month (the month after the one settled when
 *   they were registered, or the month they were admitted) once it has ended: the current
 *   month is not owed yet;
 * - what a month owes is the monthly due in force that month (the history of the due: it
 *   changes with the member's category or declared base, from the month of the change);
 * - collected is what was paid for the months of the period, also ahead of time;
 * - a member is in arrears for a period when a month of it they owed is unpaid.
 */

/** The monthly due in fen (分) from a month (`YYYY-MM`) on. */
export interface MonthlyDue {
  from: string;
  fen: number;
}

/** What a member's dues are computed from. */
export interface DuesAccount {
  /** First month owed (`YYYY-MM`); null for someone who owes none (not a member). */
  startMonth: string | null;
  /** The monthly due from each month on, oldest first. */
  monthlyDues: readonly MonthlyDue[];
}

/** The due of one month: the latest change at or before it (the first one for earlier months). */
export function dueIn(account: DuesAccount, month: string): number {
  let due = account.monthlyDues[0]?.fen ?? 0;
  for (const change of account.monthlyDues) if (change.from <= month) due = change.fen;
  return due;
}

/** The months of a list that are owed: from the start month, before the current month. */
export const owedMonths = (account: DuesAccount, months: readonly string[], currentMonth: string): string[] =>
  account.startMonth === null ? [] : months.filter((m) => m >= account.startMonth! && m < currentMonth);

export interface MemberDues {
  expectedFen: number;
  collectedFen: number;
  /** Owed months of the period not paid. */
  unpaidMonths: string[];
}

/**
 * One member's dues for the months of a period as of the current month. `paid` maps each
 * month paid to the amount paid for it.
 */
export function memberDues(
  account: DuesAccount,
  periodMonths: readonly string[],
  currentMonth: string,
  paid: ReadonlyMap<string, number>,
): MemberDues {
  const owed = owedMonths(account, periodMonths, currentMonth);
  return {
    expectedFen: owed.reduce((sum, m) => sum + dueIn(account, m), 0),
    collectedFen: periodMonths.reduce((sum, m) => sum + (paid.get(m) ?? 0), 0),
    unpaidMonths: owed.filter((m) => !paid.has(m)),
  };
}

/** Dues of many members summed: 应交, 实交 and 欠缴人数. */
export interface DuesTotals {
  expectedFen: number;
  collectedFen: number;
  membersInArrears: number;
}

export function sumDues(members: Iterable<MemberDues>): DuesTotals {
  const totals: DuesTotals = { expectedFen: 0, collectedFen: 0, membersInArrears: 0 };
  for (const m of members) {
    totals.expectedFen += m.expectedFen;
    totals.collectedFen += m.collectedFen;
    if (m.unpaidMonths.length) totals.membersInArrears += 1;
  }
  return totals;
}

/**
 * The history with the due in force now: a change applies from the current month (from the
 * start month for the first due, or while the start month is still ahead). Unchanged when the
 * due is the same, or when the person owes no dues.
 */
export function withMonthlyDue(
  history: readonly MonthlyDue[],
  startMonth: string | null,
  currentMonth: string,
  fen: number | null,
): MonthlyDue[] {
  if (startMonth === null || fen === null) return [...history];
  if (history.length && history[history.length - 1].fen === fen) return [...history];
  const from = history.length === 0 || startMonth > currentMonth ? startMonth : currentMonth;
  return [...history.filter((h) => h.from < from), { from, fen }];
}
