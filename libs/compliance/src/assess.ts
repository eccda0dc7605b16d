import type { Period } from '@partybuild/calendar';
import { AppliesTo, ORGANIZATIONAL_LIFE, RequirementRule, THREE_MEETINGS_ONE_LESSON } from './compliance-rules';
import { Frequency, slotsOverlapping } from './slots';

export enum SlotStatus {
  /** Held as required. */
  SATISFIED = 'SATISFIED',
  /** Its period has not ended yet and nothing counts yet: due by `dueBy`. */
  DUE = 'DUE',
  /** Its period ended without it. */
  MISSING = 'MISSING',
}

/** What compliance needs to know about an organisation. */
export interface ComplianceSubject {
  id: string;
  kind: string;
  branchLevel: boolean;
  hasCommittee: boolean;
  /** Active Party groups of a branch. */
  partyGroupIds: string[];
}

/** How many activities of a kind one organisation (host or co-host) held within a slot. */
export type HeldIn = (organizationId: string, requirement: string, slot: Period) => number;

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
  requirement: string;
  frequency: Frequency;
  times: number;
  slots: SlotResult[];
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

/**
 * Which required activities an organisation held in a period, which are missing and which are
 * still due. A slot is judged on its whole period (2026-07 asks for the Q3 general meeting,
 * due by 30 September), so the same record answers every period asked.
 */
export function assessRequirements(
  subject: ComplianceSubject,
  rules: Readonly<Record<string, RequirementRule | null | undefined>>,
  period: Period,
  today: string,
  heldIn: HeldIn,
): RequirementResult[] {
  const results: RequirementResult[] = [];
  for (const [requirement, rule] of Object.entries(rules)) {
    if (!rule || !applies(rule, subject)) continue;
    const units = rule.appliesTo === AppliesTo.EACH_PARTY_GROUP ? subject.partyGroupIds : [subject.id];
    const slots = slotsOverlapping(rule.frequency, period).map((slot): SlotResult => {
      const satisfiedBy = units.filter((unit) => heldIn(unit, requirement, slot) >= rule.times).length;
      const status = satisfiedBy >= units.length ? SlotStatus.SATISFIED : slot.end < today ? SlotStatus.MISSING : SlotStatus.DUE;
      return { period: slot.label, start: slot.start, dueBy: slot.end, required: units.length, satisfiedBy, status };
    });
    results.push({ requirement, frequency: rule.frequency, times: rule.times, slots });
  }
  return results;
}

/** Required activities and, of them, those held: what a rate is taken of. */
export interface Tally {
  required: number;
  held: number;
}

/**
 * Sums the required activities of some kinds: each organisation (the branch, or each Party
 * group for group meetings) and each month or quarter is one required activity. It counts as
 * required once its period has ended, or earlier when already held; one still open and not
 * held yet is neither (it can still be held in time).
 */
export function tally(results: readonly RequirementResult[], kinds: readonly string[]): Tally {
  const sum: Tally = { required: 0, held: 0 };
  for (const result of results) {
    if (!kinds.includes(result.requirement)) continue;
    for (const slot of result.slots) {
      sum.held += slot.satisfiedBy;
      sum.required += slot.status === SlotStatus.DUE ? slot.satisfiedBy : slot.required;
    }
  }
  return sum;
}

export const addTallies = (a: Tally, b: Tally): Tally => ({ required: a.required + b.required, held: a.held + b.held });

/** Held ÷ required, 0–1; null when nothing is required yet. */
export const rateOf = (t: Tally): number | null => (t.required === 0 ? null : t.held / t.required);

/**
 * 三会一课落实率 of one organisation: the four kinds only — 支部党员大会 (quarterly), 支委会
 * (monthly, for a branch with a committee), 党小组会 (monthly, each Party group) and 党课
 * (quarterly) — held ÷ required in the period. Over a subtree, the tallies of its
 * organisations are summed before dividing.
 */
export const threeMeetingsOneLesson = (results: readonly RequirementResult[]): Tally => tally(results, THREE_MEETINGS_ONE_LESSON);

/** 组织生活: themed Party days and organisational life meetings, held ÷ required, beside 三会一课. */
export const organizationalLife = (results: readonly RequirementResult[]): Tally => tally(results, ORGANIZATIONAL_LIFE);
