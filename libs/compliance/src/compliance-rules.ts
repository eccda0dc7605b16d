import { Frequency } from './slots';

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

/** The activity types that make up 三会一课 — and nothing else is in its rate. */
export const THREE_MEETINGS_ONE_LESSON = ['GENERAL_MEETING', 'COMMITTEE_MEETING', 'PARTY_GROUP_MEETING', 'PARTY_LECTURE'] as const;

/** 组织生活: reported beside 三会一课, never inside its rate. */
export const ORGANIZATIONAL_LIFE = ['THEMED_PARTY_DAY', 'ORGANIZATIONAL_LIFE_MEETING'] as const;

export type OfficialRequirement = (typeof THREE_MEETINGS_ONE_LESSON)[number] | (typeof ORGANIZATIONAL_LIFE)[number];

export interface ComplianceRules {
  effectiveFrom: string;
  source: string;
  requirements: Record<OfficialRequirement, RequirementRule>;
  /** A branch with this many members has a committee (中国共产党支部工作条例). */
  committeeFromMembers: number;
  /** An elected committee of more seats than this counts as a committee whatever the branch's size. */
  committeeFromSeats: number;
}

/**
 * The official frequencies, versioned by the day they took effect. The four kinds of 三会一课
 * are the same everywhere: a district cannot change them, so every service counts one rate.
 */
export const COMPLIANCE_RULE_VERSIONS: readonly ComplianceRules[] = [
  {
    effectiveFrom: '2018-10-28',
    source: '中国共产党支部工作条例（试行）',
    requirements: {
      GENERAL_MEETING: { frequency: Frequency.QUARTERLY, times: 1, appliesTo: AppliesTo.BRANCH },
      COMMITTEE_MEETING: { frequency: Frequency.MONTHLY, times: 1, appliesTo: AppliesTo.BRANCH_WITH_COMMITTEE },
      PARTY_GROUP_MEETING: { frequency: Frequency.MONTHLY, times: 1, appliesTo: AppliesTo.EACH_PARTY_GROUP },
      PARTY_LECTURE: { frequency: Frequency.QUARTERLY, times: 1, appliesTo: AppliesTo.BRANCH },
      THEMED_PARTY_DAY: { frequency: Frequency.MONTHLY, times: 1, appliesTo: AppliesTo.BRANCH },
      ORGANIZATIONAL_LIFE_MEETING: { frequency: Frequency.YEARLY, times: 1, appliesTo: AppliesTo.BRANCH },
    },
    committeeFromMembers: 7,
    committeeFromSeats: 1,
  },
];

/** The rules in force on a day (the earliest version for days before it). */
export function complianceRulesOn(day: string): ComplianceRules {
  const applicable = COMPLIANCE_RULE_VERSIONS.filter((v) => v.effectiveFrom <= day);
  return applicable[applicable.length - 1] ?? COMPLIANCE_RULE_VERSIONS[0];
}

/** Whether a branch holds committee meetings: large enough to need a committee, or with an elected one. */
export const hasCommittee = (members: number, committeeSeats: number, rules: ComplianceRules): boolean =>
  members >= rules.committeeFromMembers || committeeSeats > rules.committeeFromSeats;
