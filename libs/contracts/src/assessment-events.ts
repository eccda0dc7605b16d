/**
 * The events of the assessment service on topic `partybuild.assessment`, keyed by the aggregate
 * id (scheme, round, branch for appraisals, model post, report, notice, rectification item).
 * Scores, grades and stars of organisations; of members only ids and counts, never names.
 */
export const ASSESSMENT_TOPIC = 'partybuild.assessment';

export const AssessmentEventType = {
  SCHEME_CREATED: 'assessment.scheme-created',
  SCHEME_UPDATED: 'assessment.scheme-updated',
  ROUND_OPENED: 'assessment.round-opened',
  ROUND_PHASE_CHANGED: 'assessment.round-phase-changed',
  INDICATOR_SCORED: 'assessment.indicator-scored',
  ROUND_CLOSED: 'assessment.round-closed',
  STARS_RATED: 'assessment.stars-rated',
  APPRAISALS_RECORDED: 'assessment.appraisals-recorded',
  FOLLOW_UP_CLOSED: 'assessment.follow-up-closed',
  MODEL_POST_NOMINATED: 'assessment.model-post-nominated',
  MODEL_POST_DECIDED: 'assessment.model-post-decided',
  SECRETARY_REPORT_RECORDED: 'assessment.secretary-report-recorded',
  NOTICE_ISSUED: 'assessment.notice-issued',
  RECTIFICATION_CLOSED: 'assessment.rectification-closed',
} as const;

/** 考核方案 as of the event. */
export interface SchemeSnapshot {
  id: string;
  year: number;
  /** The organisation kind it assesses (BRANCH, PARTY_COMMITTEE…). */
  organizationKind: string;
  name: string;
  indicatorCount: number;
  copiedFrom: string | null;
}

/** 考核 of one organisation and year as of the event. */
export interface RoundSnapshot {
  id: string;
  schemeId: string;
  organizationId: string;
  organizationKind: string;
  year: number;
  /** SELF_ASSESSMENT, SPOT_CHECK, YEAR_END, CLOSED */
  phase: string;
  /** Out of 100; null until the round is closed. */
  finalScore: number | null;
  /** EXCELLENT, GOOD, FAIR, POOR; null until closed. */
  grade: string | null;
  stars: number | null;
  vetoed: boolean | null;
}

export interface SchemeEventData {
  scheme: SchemeSnapshot;
}

export interface RoundEventData {
  round: RoundSnapshot;
}

export interface IndicatorScoredData extends RoundEventData {
  indicatorCode: string;
  /** SCORE or DEDUCTION */
  kind: string;
  points: number;
  occurredOn: string | null;
}

export interface RoundClosedData extends RoundEventData {
  /** Labels of the veto conditions met (一票否决). */
  vetoes: string[];
}

/**
 * The envelope schema version `assessment.stars-rated` is written at. Version 3 adds `vetoed`,
 * `topTen` and `pioneerIndex` to the data (what statistics counts 十佳 and the pioneer index
 * from); every other assessment type stays at 2. Versions 1 and 2 carry only the first five fields.
 */
export const STARS_RATED_SCHEMA_VERSION = 3;

/** 评星定级: published when a round closes; pairing pairs the lowest-rated branches with top-rated ones. */
export interface StarsRatedData {
  organizationId: string;
  organizationKind: string;
  year: number;
  stars: number;
  finalScore: number;
  /** Since version 3: a veto condition (一票否决) was met; a vetoed round is never among the 十佳. */
  vetoed?: boolean;
  /** Since version 3: the 十佳 rule the year is judged by (the best `count` not vetoed with at least `minScore`), as the service applies it. */
  topTen?: { count: number; minScore: number };
  /**
   * Since version 3: 党员先锋指数 of the organisation's own members (those whose branch it is) for the
   * year, as of the close: how many members and the sum of their points. Counts only, no member ids.
   */
  pioneerIndex?: { members: number; points: number };
}

/** 民主评议党员 of one branch: counts per grade after the call. */
export interface AppraisalsRecordedData {
  branchId: string;
  year: number;
  counts: { EXCELLENT: number; QUALIFIED: number; BASICALLY_QUALIFIED: number; UNQUALIFIED: number };
}

export interface FollowUpClosedData {
  followUpId: string;
  memberId: string;
  branchId: string;
  year: number;
  deadline: string;
  closedOn: string;
}

/** 共产党员示范岗 as of the event. */
export interface ModelPostData {
  modelPost: { id: string; branchId: string; memberId: string; year: number; status: string };
}

export interface SecretaryReportData {
  report: { id: string; organizationId: string; year: number; grade: string };
}

export interface NoticeIssuedData {
  notice: { id: string; issuerId: string; issuedOn: string; commended: string[]; criticised: string[]; rectificationItems: number };
}

export interface RectificationClosedData {
  rectification: { id: string; noticeId: string; ownerId: string; deadline: string; closedOn: string; overdue: boolean };
}
