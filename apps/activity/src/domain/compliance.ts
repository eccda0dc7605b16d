import {
  ComplianceSubject,
  HeldIn,
  RequirementResult as SharedRequirementResult,
  SlotStatus,
  Tally,
  assessRequirements,
  organizationalLife,
  rateOf,
  threeMeetingsOneLesson,
} from '@partybuild/compliance';
import { Requirement } from './activity-type';
import { Period } from './period';
import { Requirements } from '../reference/activity-rules';

export { applies } from '@partybuild/compliance';
export type { ComplianceSubject, SlotResult, Tally } from '@partybuild/compliance';

/**
 * How many activities counted, by organisation id → requirement → month (`YYYY-MM`).
 * Group meetings are counted under the Party group's id; the secretary's lectures under
 * SECRETARY_LECTURE of the branch.
 */
export type HeldCounts = Map<string, Map<string, Map<string, number>>>;

export type RequirementResult = SharedRequirementResult & { requirement: Requirement };

export interface ComplianceResult {
  organizationId: string;
  requirements: RequirementResult[];
  /** Slots of every requirement: satisfied, ended without it, still open. */
  satisfiedSlots: number;
  missingSlots: number;
  dueSlots: number;
  /** 三会一课 required and held (the four kinds only): what 三会一课落实率 is taken of. */
  threeMeetingsOneLesson: Tally;
  /** 主题党日 and 组织生活会, beside 三会一课. */
  organizationalLife: Tally;
}

const heldFrom =
  (counts: HeldCounts): HeldIn =>
  (organizationId, requirement, slot) => {
    const months = counts.get(organizationId)?.get(requirement);
    if (!months) return 0;
    let total = 0;
    for (const [month, n] of months) if (month >= slot.start.slice(0, 7) && month <= slot.end.slice(0, 7)) total += n;
    return total;
  };

/**
 * Which required activities an organisation held in a period, which are missing and which are
 * still due (the shared definition), with its 三会一课 and 组织生活 tallies.
 */
export function assessCompliance(
  subject: ComplianceSubject,
  requirements: Requirements,
  period: Period,
  today: string,
  counts: HeldCounts,
): ComplianceResult {
  const results = assessRequirements(subject, requirements, period, today, heldFrom(counts)) as RequirementResult[];
  const slots = results.flatMap((r) => r.slots);
  const count = (status: SlotStatus) => slots.filter((s) => s.status === status).length;
  return {
    organizationId: subject.id,
    requirements: results,
    satisfiedSlots: count(SlotStatus.SATISFIED),
    missingSlots: count(SlotStatus.MISSING),
    dueSlots: count(SlotStatus.DUE),
    threeMeetingsOneLesson: threeMeetingsOneLesson(results),
    organizationalLife: organizationalLife(results),
  };
}

/** 三会一课落实率: the four kinds held ÷ required; null when nothing is required yet. */
export const complianceRate = (result: Pick<ComplianceResult, 'threeMeetingsOneLesson'>): number | null =>
  rateOf(result.threeMeetingsOneLesson);

/** The requirement an activity type counts towards (study, training… count towards none). */
export function requirementOf(type: string): Requirement | null {
  return (Object.values(Requirement) as string[]).includes(type) ? (type as Requirement) : null;
}
