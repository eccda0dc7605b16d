/**
 * The numbers the figures use, in one place: age bands (as of the day asked), what counts as
 * a Party member and as departed, and the structural thresholds of a branch.
 */
export const STATISTICS_RULES = {
  /** Longest text arguments accepted (characters), stated in the schema. */
  text: { kind: 40 },
  /** Upper bounds (inclusive) of the age bands; the last band is open. */
  ageBands: [
    { label: '≤30', maxAge: 30 },
    { label: '31-40', maxAge: 40 },
    { label: '41-50', maxAge: 50 },
    { label: '51-60', maxAge: 60 },
    { label: '61+', maxAge: null },
  ],
  memberStages: ['PROBATIONARY', 'FULL'],
  departedStatuses: ['TRANSFERRED_OUT', 'DECEASED', 'EXPELLED'],
  branch: { minFullMembers: 3, maxMembers: 50 },
  /** 三会一课: the activity types that make up the "three meetings and one lesson". */
  threeMeetingsOneLesson: ['GENERAL_MEETING', 'COMMITTEE_MEETING', 'PARTY_GROUP_MEETING', 'PARTY_LECTURE'],
  /**
   * 三会一课 as DOMAIN §3 sets them by default: what each branch-level organisation must hold
   * per month or quarter. Committee meetings apply to branches of 7 or more members; Party
   * group meetings to each Party group of the branch.
   */
  threeMeetingsOneLessonRequirements: [
    { type: 'GENERAL_MEETING', every: 'QUARTER', appliesTo: 'BRANCH' },
    { type: 'PARTY_LECTURE', every: 'QUARTER', appliesTo: 'BRANCH' },
    { type: 'COMMITTEE_MEETING', every: 'MONTH', appliesTo: 'BRANCH_WITH_COMMITTEE' },
    { type: 'PARTY_GROUP_MEETING', every: 'MONTH', appliesTo: 'EACH_PARTY_GROUP' },
  ],
  committeeFromMembers: 7,
  /** How long before a committee's term ends an election counts as due. */
  electionDueWithinDays: 90,
} as const;
