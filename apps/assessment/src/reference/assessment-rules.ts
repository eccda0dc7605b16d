/**
 * The numbers of assessment (考核), star rating (评星定级), member appraisal (民主评议党员),
 * the pioneer index (党员先锋指数) and model posts (共产党员示范岗), versioned by the day they
 * took effect, so a year is judged by the rules in force at its start. A district that adopts
 * other numbers adds a version here (or overrides the two marked ones through configuration);
 * nothing else in the service holds these literals.
 */

/** 评定等次 of a round, best first. */
export enum RoundGrade {
  EXCELLENT = 'EXCELLENT',
  GOOD = 'GOOD',
  FAIR = 'FAIR',
  POOR = 'POOR',
}

/** 民主评议党员 grades. */
export enum AppraisalGrade {
  EXCELLENT = 'EXCELLENT',
  QUALIFIED = 'QUALIFIED',
  BASICALLY_QUALIFIED = 'BASICALLY_QUALIFIED',
  UNQUALIFIED = 'UNQUALIFIED',
}

export const ROUND_GRADE_ZH: Record<RoundGrade, string> = {
  EXCELLENT: '优秀',
  GOOD: '良好',
  FAIR: '一般',
  POOR: '较差',
};

export const APPRAISAL_GRADE_ZH: Record<AppraisalGrade, string> = {
  EXCELLENT: '优秀',
  QUALIFIED: '合格',
  BASICALLY_QUALIFIED: '基本合格',
  UNQUALIFIED: '不合格',
};

export interface AssessmentRules {
  effectiveFrom: string;
  source: string;
  /** A scheme's indicator tree adds up to this many points; the final score is out of 100. */
  schemeTotal: number;
  /** Lowest final score of each grade, best first (the last grade takes the rest). */
  gradeThresholds: Array<{ grade: RoundGrade; minScore: number }>;
  /** A vetoed round (一票否决) is graded at most this. */
  vetoGradeCap: RoundGrade;
  /** Lowest final score of each star count, most stars first; below the last, 1 star. */
  starThresholds: Array<{ stars: number; minScore: number }>;
  /** A vetoed round gets at most this many stars. */
  vetoStarCap: number;
  /** 十佳: how many units, and the lowest final score one may have. */
  topTen: { count: number; minScore: number };
  /** 民主评议: the share of a branch's appraised members that may be 优秀 (rounded down, at least one). */
  excellentRatio: number;
  /** 不合格: the follow-up (限期改正) is due this many months after the decision. */
  unqualifiedFollowUpMonths: number;
  /** 示范岗: at most this share of in-service members (rounded down); a small branch may still nominate `smallBranchAllowance`. */
  modelPosts: { ratio: number; smallBranchBelow: number; smallBranchAllowance: number };
  /** Dues for a month count as paid on time when paid by the month's end plus this many days. */
  duesGraceDays: number;
  /** A probationary member is due for full membership this many years after admission (预备期). */
  probationYears: number;
  /** 三会一课 compliance: the activity types asked of an assessed unit each quarter or month (types of the activity service). */
  meetingRequirements: Array<{ type: string; every: 'QUARTER' | 'MONTH' }>;
  /** A quarter in which none of these was held counts as a quarter without 三会一课. */
  threeMeetingsOneLessonTypes: string[];
  /** 党员先锋指数: points per fact; pairing facts score nothing until the pairing service publishes them. */
  pioneerWeights: {
    meetingAttended: number;
    duesOnTime: number;
    appraisal: Record<AppraisalGrade, number>;
    modelPostConfirmed: number;
    developmentDuty: number;
    pairingService: number;
    /** A micro-wish (微心愿) the member claimed and fulfilled. */
    microWishFulfilled: number;
  };
}

export const ASSESSMENT_RULE_VERSIONS: readonly AssessmentRules[] = [
  {
    effectiveFrom: '2019-01-01',
    source: '区委组织部基层党组织考核评价办法（区级默认，按年度修订）',
    schemeTotal: 100,
    gradeThresholds: [
      { grade: RoundGrade.EXCELLENT, minScore: 90 },
      { grade: RoundGrade.GOOD, minScore: 80 },
      { grade: RoundGrade.FAIR, minScore: 60 },
      { grade: RoundGrade.POOR, minScore: 0 },
    ],
    vetoGradeCap: RoundGrade.FAIR,
    starThresholds: [
      { stars: 5, minScore: 95 },
      { stars: 4, minScore: 85 },
      { stars: 3, minScore: 75 },
      { stars: 2, minScore: 60 },
    ],
    vetoStarCap: 2,
    topTen: { count: 10, minScore: 90 },
    excellentRatio: 0.3,
    unqualifiedFollowUpMonths: 6,
    modelPosts: { ratio: 0.1, smallBranchBelow: 10, smallBranchAllowance: 1 },
    duesGraceDays: 0,
    probationYears: 1,
    meetingRequirements: [
      { type: 'GENERAL_MEETING', every: 'QUARTER' },
      { type: 'PARTY_LECTURE', every: 'QUARTER' },
      { type: 'THEMED_PARTY_DAY', every: 'MONTH' },
    ],
    threeMeetingsOneLessonTypes: ['GENERAL_MEETING', 'COMMITTEE_MEETING', 'PARTY_GROUP_MEETING', 'PARTY_LECTURE'],
    pioneerWeights: {
      meetingAttended: 1,
      duesOnTime: 2,
      appraisal: { EXCELLENT: 10, QUALIFIED: 6, BASICALLY_QUALIFIED: 2, UNQUALIFIED: 0 },
      modelPostConfirmed: 5,
      developmentDuty: 3,
      pairingService: 2,
      microWishFulfilled: 3,
    },
  },
];

/** The rules in force on a day (the earliest version for days before it). */
export function assessmentRulesOn(day: string): AssessmentRules {
  const applicable = ASSESSMENT_RULE_VERSIONS.filter((v) => v.effectiveFrom <= day);
  return applicable[applicable.length - 1] ?? ASSESSMENT_RULE_VERSIONS[0];
}

/** The rules of an assessment year, with a district's configured overrides. */
export function rulesForYear(year: number, overrides: { topTenMinScore?: number; excellentRatio?: number } = {}): AssessmentRules {
  const base = assessmentRulesOn(`${year}-01-01`);
  return {
    ...base,
    topTen: { ...base.topTen, minScore: overrides.topTenMinScore ?? base.topTen.minScore },
    excellentRatio: overrides.excellentRatio ?? base.excellentRatio,
  };
}

/**
 * Longest free-text inputs accepted, in characters (stated in the schema description of each
 * input and enforced by the input guard). Enum-like codes (organisation kinds, facts) get a
 * small limit too.
 */
export const TEXT = {
  /** An organisation kind (BRANCH, PARTY_COMMITTEE…). */
  organizationKind: 40,
  /** An assessment fact key (one of AssessmentFact). */
  fact: 40,
  /** An indicator's code (1, 1.2…). */
  indicatorCode: 40,
  schemeName: 200,
  indicatorName: 200,
  vetoLabel: 200,
  evidence: 2000,
  reason: 500,
  outcome: 2000,
  modelPostTitle: 100,
  noticeTitle: 200,
  rectificationItem: 500,
  secretaryName: 50,
  summary: 5000,
} as const;
