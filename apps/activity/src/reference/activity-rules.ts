import { AppliesTo, Frequency, RequirementRule, THREE_MEETINGS_ONE_LESSON, complianceRulesOn } from '@partybuild/compliance';
import { Requirement } from '../domain/activity-type';

export { AppliesTo } from '@partybuild/compliance';
export type { RequirementRule } from '@partybuild/compliance';

const official = complianceRulesOn('2026-01-01').requirements;

/**
 * The national defaults of docs/domain.md §3 (三会一课 and the rest), in one place. 三会一课 and
 * 组织生活 come from the shared compliance rules (the statistics count the same); a district
 * changes the others through ACTIVITY_REQUIREMENTS (see config.ts): any requirement's frequency
 * or times, or `null` to drop it.
 */
export const DEFAULT_REQUIREMENTS: Record<Requirement, RequirementRule | null> = {
  [Requirement.GENERAL_MEETING]: official.GENERAL_MEETING,
  [Requirement.COMMITTEE_MEETING]: official.COMMITTEE_MEETING,
  [Requirement.PARTY_GROUP_MEETING]: official.PARTY_GROUP_MEETING,
  [Requirement.PARTY_LECTURE]: official.PARTY_LECTURE,
  [Requirement.SECRETARY_LECTURE]: { frequency: Frequency.YEARLY, times: 1, appliesTo: AppliesTo.BRANCH },
  [Requirement.THEMED_PARTY_DAY]: official.THEMED_PARTY_DAY,
  [Requirement.ORGANIZATIONAL_LIFE_MEETING]: official.ORGANIZATIONAL_LIFE_MEETING,
  [Requirement.DEMOCRATIC_LIFE_MEETING]: { frequency: Frequency.YEARLY, times: 1, appliesTo: AppliesTo.LEADERSHIP },
};

export type Requirements = Record<Requirement, RequirementRule | null>;

/** 三会一课 is the same in every district: its rate is compared across districts and services. */
export const FIXED_REQUIREMENTS: readonly string[] = THREE_MEETINGS_ONE_LESSON;

/** The defaults with a district's overrides applied; overriding a kind of 三会一课 is refused. */
export function requirementsWith(overrides: Partial<Record<Requirement, Partial<RequirementRule> | null>> = {}): Requirements {
  const result = { ...DEFAULT_REQUIREMENTS };
  for (const [key, override] of Object.entries(overrides) as Array<[Requirement, Partial<RequirementRule> | null]>) {
    if (FIXED_REQUIREMENTS.includes(key)) {
      throw new Error(`${key} is one of 三会一课, whose frequencies are set nationally; it cannot be changed by a district`);
    }
    const base = DEFAULT_REQUIREMENTS[key];
    result[key] = override === null || !base ? null : { ...base, ...override };
  }
  return result;
}

export const ACTIVITY_RULES = {
  /** A vote at a general meeting is valid only with more than half of the voting members present. */
  quorumShare: 0.5,
  /** Excused leave (请假) still counts as expected in the attendance rate: 参会率 = 实到 / 应到. */
  excusedCountsAsExpected: true,
  /** Longest texts accepted. */
  text: { topic: 200, place: 200, minutes: 20_000, businessLink: 500, reason: 500, lecturerName: 50, attachmentName: 200 },
  /** Attachments are references only; the largest file a branch keeps with a record (2 GiB). */
  attachment: { maxCount: 20, hashPattern: /^[0-9a-f]{64}$/, maxSizeBytes: 2 * 1024 ** 3 },
  /** Planned activities accepted in one annual plan (年度计划). */
  planMaxItems: 500,
  /** How far ahead reminders may look (days). */
  reminderMaxDays: 366,
} as const;

/**
 * Which days a record may carry (a meeting in the year 0000 or 1900, or planned for 9999, cannot
 * be true). A district changes them through ACTIVITY_DATE_LIMITS (see config.ts), e.g. to enter
 * older paper records.
 */
export interface DateLimits {
  /** How many years back a held activity may be entered. */
  heldYearsBack: number;
  /** How many years ahead an activity may be planned, and how many days back (a plan entered late). */
  plannedYearsAhead: number;
  plannedDaysBack: number;
}

export const DEFAULT_DATE_LIMITS: DateLimits = { heldYearsBack: 5, plannedYearsAhead: 2, plannedDaysBack: 366 };
