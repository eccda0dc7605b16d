import { Frequency, Requirement, SlotStatus } from './activity-type';
import { Period, slotsOverlapping } from './period';
import { AppliesTo, RequirementRule, Requirements } from '../reference/activity-rules';

/** What compliance needs to know about an organisation. */
export interface ComplianceSubject {
  id: string;
  kind: string;
  branchLevel: boolean;
  hasCommittee: boolean;
  /** Active Party groups of a branch. */
  partyGroupIds: string[];
}

/**
 * How many activities counted, by organisation id → requirement → month (`YYYY-MM`).
 * Group meetings are counted under the Party group's id; the secretary's lectures under
 * SECRETARY_LECTURE of the branch.
 */
export type HeldCounts = Map<string, Map<string, Map<string, number>>>;

export interface SlotResult {
  period: string;
  start: string;
  /** The last day it can be held to count: the end of its period. */
  dueBy: string;
  /** How many units (the organisation, or each Party group) must hold it, and how many did. */
  required: number;
  satisfiedBy: number;
  status: SlotStatus;
}

export interface RequirementResult {
  requirement: Requirement;
  frequency: Frequency;
  times: number;
  slots: SlotResult[];
}

export interface ComplianceResult {
  organizationId: string;
  requirements: RequirementResult[];
  /** Slots satisfied / slots whose period has ended or is satisfied (what can be judged now). */
  satisfiedSlots: number;
  missingSlots: number;
  dueSlots: number;
}

export function applies(rule: RequirementRule, subject: ComplianceSubject): boolean {
  switch (rule.appliesTo) {
    case AppliesTo.BRANCH:
      return subject.branchLevel;
    case AppliesTo.BRANCH_WITH_COMMITTEE:
      return subject.branchLevel && subject.hasCommittee;
    case AppliesTo.EACH_PARTY_GROUP:
      return subject.branchLevel && subject.partyGroupIds.length > 0;
    case AppliesTo.LEADERSHIP:
      return subject.kind === 'PARTY_COMMITTEE' || subject.kind === 'WORKING_COMMITTEE';
  }
}

const countIn = (counts: HeldCounts, organizationId: string, requirement: Requirement, slot: Period): number => {
  const months = counts.get(organizationId)?.get(requirement);
  if (!months) return 0;
  let total = 0;
  for (const [month, n] of months) if (month >= slot.start.slice(0, 7) && month <= slot.end.slice(0, 7)) total += n;
  return total;
};

/**
 * Which required activities an organisation held in a period, which are missing and which are
 * still due. A slot is judged on its whole period (2026-07 asks for the Q3 general meeting,
 * due by 30 September), so the same record answers every period asked.
 */
export function assessCompliance(
  subject: ComplianceSubject,
  requirements: Requirements,
  period: Period,
  today: string,
  counts: HeldCounts,
): ComplianceResult {
  const results: RequirementResult[] = [];
  let satisfiedSlots = 0;
  let missingSlots = 0;
  let dueSlots = 0;
  for (const requirement of Object.values(Requirement)) {
    const rule = requirements[requirement];
    if (!rule || !applies(rule, subject)) continue;
    const units = rule.appliesTo === AppliesTo.EACH_PARTY_GROUP ? subject.partyGroupIds : [subject.id];
    const slots = slotsOverlapping(rule.frequency, period).map((slot): SlotResult => {
      const satisfiedBy = units.filter((unit) => countIn(counts, unit, requirement, slot) >= rule.times).length;
      const status = satisfiedBy >= units.length ? SlotStatus.SATISFIED : slot.end < today ? SlotStatus.MISSING : SlotStatus.DUE;
      if (status === SlotStatus.SATISFIED) satisfiedSlots += 1;
      else if (status === SlotStatus.MISSING) missingSlots += 1;
      else dueSlots += 1;
      return { period: slot.label, start: slot.start, dueBy: slot.end, required: units.length, satisfiedBy, status };
    });
    results.push({ requirement, frequency: rule.frequency, times: rule.times, slots });
  }
  return { organizationId: subject.id, requirements: results, satisfiedSlots, missingSlots, dueSlots };
}

/** The share of judged slots satisfied; null when nothing can be judged yet. */
export function complianceRate(result: Pick<ComplianceResult, 'satisfiedSlots' | 'missingSlots'>): number | null {
  const judged = result.satisfiedSlots + result.missingSlots;
  return judged === 0 ? null : result.satisfiedSlots / judged;
}

/** The requirement an activity type counts towards (study, training… count towards none). */
export function requirementOf(type: string): Requirement | null {
  return (Object.values(Requirement) as string[]).includes(type) ? (type as Requirement) : null;
}
