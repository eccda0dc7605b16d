import { addDays, monthPeriod, quarterPeriod } from '@partybuild/calendar';
import type { AssessmentRules } from '../reference/assessment-rules';

/** The facts an automatic indicator or a veto condition may name; each comes from another service's events. */
export enum FactKey {
  MEETING_COMPLIANCE = 'MEETING_COMPLIANCE',
  QUARTERS_WITHOUT_MEETINGS = 'QUARTERS_WITHOUT_MEETINGS',
  AVERAGE_ATTENDANCE = 'AVERAGE_ATTENDANCE',
  DUES_ON_TIME = 'DUES_ON_TIME',
  MEMBERS_IN_ARREARS = 'MEMBERS_IN_ARREARS',
  DEVELOPMENT_ON_TIME = 'DEVELOPMENT_ON_TIME',
  ELECTION_ON_TIME = 'ELECTION_ON_TIME',
  PAIRING_SERVICES = 'PAIRING_SERVICES',
  MICRO_WISHES_FULFILLED = 'MICRO_WISHES_FULFILLED',
  PROBLEMS_RESOLVED = 'PROBLEMS_RESOLVED',
  AVERAGE_DAYS_TO_RESOLVE = 'AVERAGE_DAYS_TO_RESOLVE',
}

/** A share (0–1, scored as that share of the maximum) or a count (each occurrence deducts). */
export type FactKind = 'RATIO' | 'COUNT';

export const FACTS: Record<FactKey, { zh: string; kind: FactKind; source: string }> = {
  MEETING_COMPLIANCE: { zh: '三会一课落实率', kind: 'RATIO', source: 'activity' },
  QUARTERS_WITHOUT_MEETINGS: { zh: '未开展三会一课的季度数', kind: 'COUNT', source: 'activity' },
  AVERAGE_ATTENDANCE: { zh: '平均参会率', kind: 'RATIO', source: 'activity' },
  DUES_ON_TIME: { zh: '按时交纳党费比例', kind: 'RATIO', source: 'membership' },
  MEMBERS_IN_ARREARS: { zh: '欠缴党费党员数', kind: 'COUNT', source: 'membership' },
  DEVELOPMENT_ON_TIME: { zh: '预备党员按期转正比例', kind: 'RATIO', source: 'membership' },
  ELECTION_ON_TIME: { zh: '按期换届', kind: 'RATIO', source: 'organization' },
  PAIRING_SERVICES: { zh: '结对共建服务月度覆盖率', kind: 'RATIO', source: 'pairing' },
  MICRO_WISHES_FULFILLED: { zh: '微心愿完成率', kind: 'RATIO', source: 'pairing' },
  PROBLEMS_RESOLVED: { zh: '问题解决率', kind: 'RATIO', source: 'pairing' },
  // A count: each day on average deducts the indicator's deduction per occurrence.
  AVERAGE_DAYS_TO_RESOLVE: { zh: '问题平均解决天数', kind: 'COUNT', source: 'pairing' },
};

export const isFactKey = (value: string): value is FactKey => Object.prototype.hasOwnProperty.call(FACTS, value);

/** Null is "no data" (never zero): a fact no service has published yet, or nothing to judge. */
export type FactValues = Record<FactKey, number | null>;

/** What the read models hold about one unit and year, up to the day judged. */
export interface RawFacts {
  /** `TYPE|YYYY-MM` of every held activity of the unit (or below it) in the year. */
  held: string[];
  expected: number;
  attended: number;
  memberMonthsDue: number;
  memberMonthsOnTime: number;
  membersInArrears: number;
  probationary: number;
  probationaryOverdue: number;
  termEndsOn: string | null;
  /** Whether any pair, service, wish or problem concerns the unit (or below): without, pairing facts are "no data". */
  paired: boolean;
  /** `YYYY-MM` of the months of the year with a pairing service delivered or received. */
  servedMonths: string[];
  wishesPosted: number;
  wishesFulfilled: number;
  problemsCollected: number;
  problemsResolved: number;
  /** Total days to resolve the problems resolved in the year. */
  resolveDays: number;
  resolvedInYear: number;
}

/** A unit nothing is known about yet: every fact "no data". */
export const NOTHING_KNOWN: Readonly<RawFacts> = {
  held: [],
  expected: 0,
  attended: 0,
  memberMonthsDue: 0,
  memberMonthsOnTime: 0,
  membersInArrears: 0,
  probationary: 0,
  probationaryOverdue: 0,
  termEndsOn: null,
  paired: false,
  servedMonths: [],
  wishesPosted: 0,
  wishesFulfilled: 0,
  problemsCollected: 0,
  problemsResolved: 0,
  resolveDays: 0,
  resolvedInYear: 0,
};

const pad = (n: number) => String(n).padStart(2, '0');

/** Quarters and months of the year that have ended by `asOf` (the current one counts once it is met). */
function periodsOf(year: number, asOf: string, every: 'QUARTER' | 'MONTH') {
  const count = every === 'QUARTER' ? 4 : 12;
  const out: Array<{ months: string[]; ended: boolean }> = [];
  for (let i = 1; i <= count; i += 1) {
    const period = every === 'QUARTER' ? quarterPeriod(year, i) : monthPeriod(year, i);
    if (period.start > asOf) break;
    const first = every === 'QUARTER' ? i * 3 - 2 : i;
    const months = Array.from({ length: every === 'QUARTER' ? 3 : 1 }, (_, k) => `${year}-${pad(first + k)}`);
    out.push({ months, ended: period.end <= asOf });
  }
  return out;
}

const ratio = (part: number, whole: number): number | null => (whole > 0 ? round4(part / whole) : null);
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;

/** The values of every fact for one unit and year, judged on `asOf`; null where there is nothing to judge yet. */
export function factsFrom(raw: RawFacts, year: number, asOf: string, rules: AssessmentRules): FactValues {
  const held = new Set(raw.held);
  const heldIn = (types: string[], months: string[]) => types.some((t) => months.some((m) => held.has(`${t}|${m}`)));
  let required = 0;
  let met = 0;
  for (const requirement of rules.meetingRequirements) {
    for (const period of periodsOf(year, asOf, requirement.every)) {
      const filled = heldIn([requirement.type], period.months);
      if (!period.ended && !filled) continue;
      required += 1;
      if (filled) met += 1;
    }
  }
  const quartersWithout = periodsOf(year, asOf, 'QUARTER').filter(
    (q) => q.ended && !heldIn(rules.threeMeetingsOneLessonTypes, q.months),
  ).length;
  return {
    MEETING_COMPLIANCE: ratio(met, required),
    QUARTERS_WITHOUT_MEETINGS: periodsOf(year, asOf, 'QUARTER').some((q) => q.ended) ? quartersWithout : null,
    AVERAGE_ATTENDANCE: ratio(raw.attended, raw.expected),
    DUES_ON_TIME: ratio(raw.memberMonthsOnTime, raw.memberMonthsDue),
    MEMBERS_IN_ARREARS: raw.memberMonthsDue > 0 ? raw.membersInArrears : null,
    DEVELOPMENT_ON_TIME: ratio(raw.probationary - raw.probationaryOverdue, raw.probationary),
    ELECTION_ON_TIME: raw.termEndsOn === null ? null : raw.termEndsOn >= asOf ? 1 : 0,
    ...pairingFacts(raw, year, asOf),
  };
}

/** 结对共建: months served as compliance counts periods (the current month once served), wishes and problems of the year. */
function pairingFacts(raw: RawFacts, year: number, asOf: string) {
  const served = new Set(raw.servedMonths);
  const months = periodsOf(year, asOf, 'MONTH').filter((m) => m.ended || served.has(m.months[0]));
  return {
    PAIRING_SERVICES: raw.paired ? ratio(months.filter((m) => served.has(m.months[0])).length, months.length) : null,
    MICRO_WISHES_FULFILLED: ratio(raw.wishesFulfilled, raw.wishesPosted),
    PROBLEMS_RESOLVED: ratio(raw.problemsResolved, raw.problemsCollected),
    AVERAGE_DAYS_TO_RESOLVE: raw.resolvedInYear > 0 ? Math.round((raw.resolveDays / raw.resolvedInYear) * 10) / 10 : null,
  };
}

/** Was a month's due paid on time: by the month's last day plus the grace days? */
export function duesOnTime(month: string, paidOn: string, graceDays: number): boolean {
  const [year, m] = month.split('-').map(Number);
  return paidOn <= addDays(monthPeriod(year, m).end, graceDays);
}

/** The day a year's facts are judged on: today while the year runs, its last day after. */
export const judgedOn = (year: number, today: string): string => (today < `${year}-12-31` ? today : `${year}-12-31`);
