import type { Period } from '@partybuild/calendar';

export interface LabelCount {
  key: string;
  count: number;
}

/** Everything counted for one organisation and its whole subtree, for one period. */
export interface Figures {
  organizationId: string;
  period: Period;
  /** The day counts such as ages and terms are taken on: the period's end, or today if earlier. */
  asOf: string;
  organizationsByKind: LabelCount[];
  members: MemberFigures;
  branches: BranchFigures;
  activities: ActivityFigures;
  dues: DuesFigures;
}

export interface MemberFigures {
  /** 党员: full and probationary members still in the organisation. */
  total: number;
  /** Everyone on record by development stage (applicants and activists included), departed excluded. */
  byStage: LabelCount[];
  /** Members by status, departed included (transferred out, deceased…). */
  byStatus: LabelCount[];
  byGender: LabelCount[];
  byAgeBand: LabelCount[];
  byEducation: LabelCount[];
  byCategory: LabelCount[];
  /** Admitted as probationary members during the period. */
  newMembers: number;
  /** Transfers across the subtree's boundary during the period. */
  transfersIn: number;
  transfersOut: number;
}

export interface BranchFigures {
  total: number;
  underThreeFullMembers: number;
  overFiftyMembers: number;
  electionsDue: number;
  electionsOverdue: number;
}

export interface ActivityFigures {
  /** Activities held during the period. */
  held: number;
  byType: LabelCount[];
  byMonth: LabelCount[];
  /** 三会一课 held during the period. */
  threeMeetingsOneLesson: number;
  /** Present and late over expected, over every held activity that recorded attendance; null if none did. */
  attendanceRate: number | null;
  /** 三会一课 required of the branches over the elapsed months and quarters, and how many were held. */
  requiredMeetingsDue: number;
  requiredMeetingsHeld: number;
  /** Held over due; null when nothing was due yet. */
  complianceRate: number | null;
}

export interface DuesFigures {
  /** Due from the members' monthly dues for the months of the period up to `asOf`. */
  expectedFen: number;
  /** Paid for those months (a payment for several months counts its share per month). */
  collectedFen: number;
  /** Members with a month of the period (up to `asOf`) not paid. */
  membersInArrears: number;
}
