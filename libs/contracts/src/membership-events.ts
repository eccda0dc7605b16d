/**
 * The events of the membership service on topic `partybuild.membership`, keyed by the member
 * id. Personal data stays out: no ID number, no phone, no name — consumers that show a person
 * resolve `Member` through the graph.
 */
export const MEMBERSHIP_TOPIC = 'partybuild.membership';

export const MembershipEventType = {
  REGISTERED: 'membership.member.registered',
  UPDATED: 'membership.member.updated',
  STAGE_CHANGED: 'membership.member.stage-changed',
  TRANSFERRED: 'membership.member.transferred',
  STATUS_CHANGED: 'membership.member.status-changed',
  DUES_PAID: 'membership.dues.paid',
} as const;

/**
 * Version 2 adds `member.dues` (start month and history of the monthly due). Consumers accept
 * both: a version 1 event has no `dues`, and its member is counted from the month of
 * `joinedOn` at `monthlyDueFen` until a version 2 event about them arrives.
 */
export const MEMBERSHIP_SCHEMA_VERSION = 3;
/** Version 3 adds the envelope attribute `organizationpathtext`; its data is that of version 2. */
export const MEMBERSHIP_EVENT_VERSIONS: readonly number[] = [1, 2, 3];

/** 党费 as the membership service counts it: enough for statistics to count it the same way. */
export interface MemberDuesSnapshot {
  /** First month owed (`YYYY-MM`). */
  startMonth: string | null;
  /** The monthly due in fen from each month on, oldest first. */
  monthlyDues: Array<{ from: string; fen: number }>;
}

/** The person as statistics and other services need them, as of the event. */
export interface MemberSnapshot {
  id: string;
  /** The branch-level organisation holding the member's record (while a transfer is pending: the sending one). */
  organizationId: string;
  partyGroupId: string | null;
  /** APPLICANT, ACTIVIST, CANDIDATE, PROBATIONARY, FULL (发展阶段). */
  stage: string;
  /** ACTIVE, TRANSFERRED_OUT, LOST_CONTACT, FLOATING, DECEASED, EXPELLED. */
  status: string;
  /** IN_SERVICE, RETIRED, FARMER, STUDENT, UNEMPLOYED, OTHER. */
  category: string;
  /** MALE or FEMALE. */
  gender: string;
  /** For age bands computed as of any date. */
  birthDate: string;
  education: string | null;
  ethnicity: string | null;
  /** The day the branch meeting admitted them as probationary (入党日期), if admitted. */
  joinedOn: string | null;
  /** The day they became a full member (转正日期), if they have. */
  fullMemberSince: string | null;
  /** Full members vote at general meetings; probationary members do not. */
  votingRights: boolean;
  /** The monthly due (党费) in fen from the member's category and declared base, when known. */
  monthlyDueFen?: number | null;
  /** Since version 2: the dues start month and history; null for someone who pays no dues. */
  dues?: MemberDuesSnapshot | null;
}

export interface MemberEventData {
  member: MemberSnapshot;
}

export interface StageChangedData extends MemberEventData {
  fromStage: string;
  toStage: string;
  /** The development step that moved the stage (e.g. `ADMITTED_AS_PROBATIONARY`). */
  step: string;
  on: string;
}

export interface TransferredData extends MemberEventData {
  transferId: string;
  fromOrganizationId: string;
  /** Null when the member left the district (转出本区). */
  toOrganizationId: string | null;
  on: string;
  outOfDistrict: boolean;
}

export interface StatusChangedData extends MemberEventData {
  fromStatus: string;
  toStatus: string;
  on: string;
}

export interface DuesPaidData extends MemberEventData {
  /** Months covered, `YYYY-MM`. */
  months: string[];
  /** Amount in fen (分), to stay exact. */
  amountFen: number;
  /** Since version 2: the amount of each month, in the order of `months` (version 1: split evenly). */
  amountsFen?: number[];
  paidOn: string;
}
