import { Period, addDays, quarterPeriod } from '@partybuild/calendar';
import {
  ComplianceSubject,
  HeldIn,
  SlotStatus,
  THREE_MEETINGS_ONE_LESSON,
  Tally,
  addTallies,
  assessRequirements,
  complianceRulesOn,
  rateOf,
  threeMeetingsOneLesson,
} from '@partybuild/compliance';

/** The four kinds of 三会一课 as a fact names them. */
export const MEETING_LABEL: Record<string, string> = {
  GENERAL_MEETING: '支部党员大会',
  COMMITTEE_MEETING: '支委会',
  PARTY_GROUP_MEETING: '党小组会',
  PARTY_LECTURE: '党课',
};

/** The last `quarters` whole quarters before the quarter of `today`. */
export function complianceWindow(today: string, quarters: number): Period {
  const year = Number(today.slice(0, 4));
  const quarter = Math.ceil(Number(today.slice(5, 7)) / 3);
  const index = year * 4 + quarter - 1 - quarters; // first quarter of the window, counted from year 0 Q1
  const first = quarterPeriod(Math.floor(index / 4), (index % 4) + 1);
  const end = addDays(quarterPeriod(year, quarter).start, -1);
  const last = quarterPeriod(Number(end.slice(0, 4)), Math.ceil(Number(end.slice(5, 7)) / 3));
  return {
    label: first.label === last.label ? first.label : `${first.label}至${last.label}`,
    start: first.start,
    end,
  };
}

/** A branch-level organisation of a village, as compliance needs it, with its name for the facts. */
export type VillageBranch = ComplianceSubject & { name: string };

export interface VillageCompliance {
  tally: Tally;
  rate: number | null;
  /** Below the threshold: the village's Party organisation is weak by its 三会一课. */
  failing: boolean;
  /** The rate over the window, then each branch's missing meetings by kind and period. */
  facts: string[];
}

/**
 * 三会一课 of a village over a window, by the shared definition (libs/compliance): each of its
 * branch-level organisations judged on the four kinds, their tallies summed before dividing.
 * A village whose branches owe nothing in the window (rate null) is not failing.
 */
export function judgeVillageCompliance(
  villageId: string,
  branches: readonly VillageBranch[],
  window: Period,
  today: string,
  heldIn: HeldIn,
  complianceBelow: number,
): VillageCompliance {
  const all = complianceRulesOn(window.start).requirements;
  const fourKinds = Object.fromEntries(THREE_MEETINGS_ONE_LESSON.map((kind) => [kind, all[kind]]));
  let tally: Tally = { required: 0, held: 0 };
  const gaps: string[] = [];
  for (const branch of branches) {
    const results = assessRequirements(branch, fourKinds, window, today, heldIn);
    tally = addTallies(tally, threeMeetingsOneLesson(results));
    for (const result of results) {
      const short = result.slots.filter((s) => s.status === SlotStatus.MISSING);
      if (!short.length) continue;
      const who = branch.id === villageId ? '' : `${branch.name}：`;
      const periods = short.map((s) =>
        s.required > 1 ? `${s.period}（${s.required}个党小组中${s.required - s.satisfiedBy}个未开）` : s.period,
      );
      gaps.push(`${who}${MEETING_LABEL[result.requirement] ?? result.requirement}未按规定召开：${periods.join('、')}`);
    }
  }
  const rate = rateOf(tally);
  const failing = rate !== null && rate < complianceBelow;
  const percent = (n: number) => `${Math.round(n * 100)}%`;
  const summary =
    rate === null
      ? []
      : [
          `${window.label}三会一课落实率${percent(rate)}（应开${tally.required}次，实开${tally.held}次）${failing ? '，低于' : '，不低于'}${percent(complianceBelow)}`,
        ];
  return { tally, rate, failing, facts: [...summary, ...gaps] };
}
