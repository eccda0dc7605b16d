import { Frequency, Requirement } from '../domain/activity-type';

/** Which organisations a requirement applies to. */
export enum AppliesTo {
  /** Every branch-level organisation (党支部, 联合党支部, 临时党支部). */
  BRANCH = 'BRANCH',
  /** A branch that has a committee (支委会): 7 or more members, or an elected committee of several. */
  BRANCH_WITH_COMMITTEE = 'BRANCH_WITH_COMMITTEE',
  /** Each Party group of a branch; a branch without groups is not asked. */
  EACH_PARTY_GROUP = 'EACH_PARTY_GROUP',
  /** Leadership groups of Party committees and working committees (民主生活会). */
  LEADERSHIP = 'LEADERSHIP',
}

export interface RequirementRule {
  frequency: Frequency;
  /** How many times per period (and per Party group, for group meetings). */
  times: number;
  appliesTo: AppliesTo;
}

/**
 * The national defaults of DOMAIN §3 (三会一课 and the rest), in one place. A district changes
 * them through ACTIVITY_REQUIREMENTS (see config.ts): any requirement's frequency or times, or
 * `null` to drop it.
 */
export const DEFAULT_REQUIREMENTS: Record<Requirement, RequirementRule | null> = {
  [Requirement.GENERAL_MEETING]: { frequency: Frequency.QUARTERLY, times: 1, appliesTo: AppliesTo.BRANCH },
  [Requirement.COMMITTEE_MEETING]: { frequency: Frequency.MONTHLY, times: 1, appliesTo: AppliesTo.BRANCH_WITH_COMMITTEE },
  [Requirement.PARTY_GROUP_MEETING]: { frequency: Frequency.MONTHLY, times: 1, appliesTo: AppliesTo.EACH_PARTY_GROUP },
  [Requirement.PARTY_LECTURE]: { frequency: Frequency.QUARTERLY, times: 1, appliesTo: AppliesTo.BRANCH },
  [Requirement.SECRETARY_LECTURE]: { frequency: Frequency.YEARLY, times: 1, appliesTo: AppliesTo.BRANCH },
  [Requirement.THEMED_PARTY_DAY]: { frequency: Frequency.MONTHLY, times: 1, appliesTo: AppliesTo.BRANCH },
  [Requirement.ORGANIZATIONAL_LIFE_MEETING]: { frequency: Frequency.YEARLY, times: 1, appliesTo: AppliesTo.BRANCH },
  [Requirement.DEMOCRATIC_LIFE_MEETING]: { frequency: Frequency.YEARLY, times: 1, appliesTo: AppliesTo.LEADERSHIP },
};

export type Requirements = Record<Requirement, RequirementRule | null>;

/** The defaults with a district's overrides applied. */
export function requirementsWith(overrides: Partial<Record<Requirement, Partial<RequirementRule> | null>> = {}): Requirements {
  const result = { ...DEFAULT_REQUIREMENTS };
  for (const [key, override] of Object.entries(overrides) as Array<[Requirement, Partial<RequirementRule> | null]>) {
    const base = DEFAULT_REQUIREMENTS[key];
    result[key] = override === null || !base ? null : { ...base, ...override };
  }
  return result;
}

export const ACTIVITY_RULES = {
  /** A branch with this many members has a committee (中国共产党支部工作条例). */
  committeeFromMembers: 7,
  /** A vote at a general meeting is valid only with more than half of the voting members present. */
  quorumShare: 0.5,
  /** Excused leave (请假) still counts as expected in the attendance rate: 参会率 = 实到 / 应到. */
  excusedCountsAsExpected: true,
  /** Longest texts accepted. */
  text: { topic: 200, place: 200, minutes: 20_000, businessLink: 500, reason: 500, lecturerName: 50, attachmentName: 200 },
  /** Attachments are references only. */
  attachment: { maxCount: 20, hashPattern: /^[0-9a-f]{64}$/ },
  /** Planned activities accepted in one annual plan (年度计划). */
  planMaxItems: 500,
  /** How far ahead reminders may look (days). */
  reminderMaxDays: 366,
} as const;
