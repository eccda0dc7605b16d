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
  assessment: AssessmentFigures;
  pairing: PairingFigures;
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
  /**
   * 三会一课 required of the branches and Party groups and, of them, held — the four kinds only,
   * by the shared definition (`@partybuild/compliance`): each organisation and month or quarter
   * is one required activity once its period has ended, or earlier when already held.
   */
  requiredMeetingsDue: number;
  requiredMeetingsHeld: number;
  /** 三会一课落实率: held over required; null when nothing was required yet. */
  complianceRate: number | null;
  /** 组织生活 (主题党日, 组织生活会), counted the same way, beside 三会一课 and never inside it. */
  organizationalLifeDue: number;
  organizationalLifeHeld: number;
  organizationalLifeRate: number | null;
}

/** The activity figures that come from the compliance rules rather than from counting activities. */
export type ComplianceFields =
  | 'requiredMeetingsDue'
  | 'requiredMeetingsHeld'
  | 'complianceRate'
  | 'organizationalLifeDue'
  | 'organizationalLifeHeld'
  | 'organizationalLifeRate';

/** 党费 by the shared definition (`@partybuild/dues`): the membership service's dues summary counts the same. */
export interface DuesFigures {
  /** 应交: the months of the period each member owes (from their start month, ended), at the due in force that month. */
  expectedFen: number;
  /** 实交: paid for the months of the period, also ahead (a payment for several months counts its share per month). */
  collectedFen: number;
  /** 欠缴人数: members with an owed month of the period unpaid. */
  membersInArrears: number;
}

/** 考核评价 of the year the period falls in (from the assessment service's events). */
export interface AssessmentFigures {
  year: number;
  /** Organisations of the subtree whose round of the year closed (rated). */
  rated: number;
  /** Final scores by bracket (statistics' rules, by year), every bracket listed. */
  byScore: LabelCount[];
  /** 评星定级: organisations by stars, '1' to '5', every count listed. */
  byStars: LabelCount[];
  /** 十佳基层党组织 of the subtree: among the best of their kind district-wide, not vetoed, above the minimum score. */
  topTen: number;
  /** 民主评议党员: members by grade (EXCELLENT 优秀, QUALIFIED 合格, BASICALLY_QUALIFIED 基本合格, UNQUALIFIED 不合格). */
  byAppraisal: LabelCount[];
  /** Members of the rated organisations counted in the pioneer index (as of each round's close). */
  pioneerMembers: number;
  /** 党员先锋指数: their points over their number; null when no rated organisation published it. */
  averagePioneerIndex: number | null;
  /** 共产党员示范岗 confirmed for the year. */
  modelPostsConfirmed: number;
}

/** 城乡结对共建 in the period (from the pairing service's events; no resident data). */
export interface PairingFigures {
  activePairs: number;
  services: number;
  servicesByType: LabelCount[];
  beneficiaries: number;
  fundsYuan: number;
  wishesPosted: number;
  wishesClaimed: number;
  wishesFulfilled: number;
  householdsVisited: number;
  problemsCollected: number;
  problemsResolved: number;
  problemsOverdue: number;
  averageDaysToResolve: number | null;
}
