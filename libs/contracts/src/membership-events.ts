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
  paidOn: string;
}
