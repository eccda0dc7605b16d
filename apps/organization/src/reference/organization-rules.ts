import { OrganizationKind as K } from '../domain/organization-kind';

/**
 * The official numbers and structural rules this service applies, in one place
 * (中国共产党支部工作条例 and the national defaults in docs/domain.md §1). A district that adopts
 * other numbers changes them here or through the matching environment variables.
 */
export const ORGANIZATION_RULES = {
  /** Which kinds may sit directly under which. A missing kind may not be a root. */
  allowedParents: {
    [K.WORKING_COMMITTEE]: [],
    [K.PARTY_COMMITTEE]: [K.WORKING_COMMITTEE, K.PARTY_COMMITTEE],
    [K.GENERAL_BRANCH]: [K.WORKING_COMMITTEE, K.PARTY_COMMITTEE],
    [K.BRANCH]: [K.WORKING_COMMITTEE, K.PARTY_COMMITTEE, K.GENERAL_BRANCH],
    [K.JOINT_BRANCH]: [K.WORKING_COMMITTEE, K.PARTY_COMMITTEE, K.GENERAL_BRANCH],
    [K.TEMPORARY_ORGANIZATION]: [K.WORKING_COMMITTEE, K.PARTY_COMMITTEE, K.GENERAL_BRANCH],
    [K.PARTY_GROUP]: [K.BRANCH, K.JOINT_BRANCH, K.TEMPORARY_ORGANIZATION],
  } satisfies Record<K, K[]>,
  /** Kinds that may stand at the top of a district's tree. */
  rootKinds: [K.WORKING_COMMITTEE, K.PARTY_COMMITTEE],
  /** Committee term in years; Party groups have a leader, not an elected committee. */
  committeeTermYears: {
    [K.WORKING_COMMITTEE]: 5,
    [K.PARTY_COMMITTEE]: 5,
    [K.GENERAL_BRANCH]: 3,
    [K.BRANCH]: 3,
    [K.JOINT_BRANCH]: 3,
    [K.TEMPORARY_ORGANIZATION]: 3,
    [K.PARTY_GROUP]: null,
  } satisfies Record<K, number | null>,
  /** How long before a term ends the election reminder (换届提醒) starts. */
  termWarningDays: 90,
  /** Stages that make someone a Party member (党员) for counting; the others are on the way. */
  memberStages: ['PROBATIONARY', 'FULL'],
  /** Statuses of people no longer counted in a branch. */
  departedStatuses: ['TRANSFERRED_OUT', 'DECEASED', 'EXPELLED'],
  branch: {
    minFullMembers: 3,
    committeeFromMembers: 7,
    /** A committee (支委会) has at least three members; fewer is a secretary, not a committee. */
    committeeMinSize: 3,
    maxMembers: 50,
  },
  /** Full-time party-affairs cadres as a share of the unit's staff. */
  fullTimeCadreRatio: { min: 0.01, max: 0.02 },
  name: { maxLength: 100 },
  committeeMemberName: { maxLength: 50 },
  /** Longest free texts accepted (characters), stated in the schema. */
  text: { code: 32, hostingUnit: 100, electionNotes: 1000, searchName: 100 },
  /**
   * Days and numbers that cannot be true (an election in 1900, a temporary organisation until
   * 9999, a staff of 1e300) are refused, naming these limits. A district entering older
   * records changes them here.
   */
  dates: { yearsBack: 20, temporaryEndsYearsAhead: 5, appointmentYearsAhead: 1 },
  counts: { staff: { min: 0, max: 1_000_000 }, voters: { min: 0, max: 100_000 } },
  code: { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/ },
} as const;
