import { DepartmentCategory, VillageType } from '../domain/kinds';
import type { MatchingRules } from '../domain/suggestions';

/**
 * The numbers and matching rules of 城乡统筹·结对共建, versioned by the day they take effect.
 * A district replaces the matching rules with PAIRING_MATCHING_RULES (see config.ts); the
 * other figures change only by adding a version here.
 */
export interface PairingRules {
  effectiveFrom: string;
  /** 对口规则: 综治部门↔乱村, 经济部门↔穷村, 党群部门↔弱村; any agency may still take a village, at a low score. */
  matching: MatchingRules;
  /** How many villages an agency takes when the district has not set its capacity. */
  defaultCapacity: number;
  /** Largest capacity the district may set for one agency. */
  maxCapacity: number;
  /** 结对期限: a pair's term when none is given, and the longest allowed. */
  defaultTermMonths: number;
  maxTermMonths: number;
  /** 微心愿: every agency member should claim at least this many a year. */
  wishClaimsPerMemberPerYear: number;
  /** A wish not claimed within this many days expires. */
  wishOpenDays: number;
  /** 有呼必应: a problem's deadline when none is given, and the longest allowed. */
  problemDefaultDays: number;
  problemMaxDays: number;
  /**
   * 弱村 suggested from facts: a star rating at or below `starRatingAtMost`, or 三会一课 落实率 (the
   * shared definition, libs/compliance) below `complianceBelow` over the last `complianceQuarters`
   * whole quarters; the members who make a branch large enough for a committee (as the activity
   * service counts them) are those of `committeeStages` not in `goneStatuses`.
   */
  weakOrganization: {
    starRatingAtMost: number;
    complianceBelow: number;
    complianceQuarters: number;
    committeeStages: readonly string[];
    goneStatuses: readonly string[];
  };
  /** 强弱支部结对 from the year's star ratings: weak at or below, strong at or above, weak branches one strong branch takes. */
  branchPairing: { weakStarsAtMost: number; strongStarsAtLeast: number; perStrongBranch: number };
  /** 问题类别: code and the label a worker writes in a CSV. */
  problemCategories: ReadonlyArray<{ code: string; label: string }>;
  /** Bulk visit recording: rows in one call or one CSV part. */
  maxVisitsPerCall: number;
  /** Text lengths (characters): the limits of every free-text input, stated in the schema (see TEXT). */
  text: TextLimits;
}

/**
 * The longest text (characters, as a reader counts them) of every free-text input of the
 * pairing schema. The schema states each in its description (`TextField`, `withLimit`) and the
 * input guard holds every call to it; the commands check the same numbers.
 */
export const TEXT = {
  /** 心愿内容, 户号/门牌, one fact behind a village type. */
  title: 100,
  /** 服务成效, 结对理由. */
  outcome: 1000,
  /** 问题描述, 走访备注, 指导员走访情况. */
  description: 1000,
  /** 群众姓名. */
  name: 50,
  /** 联系方式. */
  contact: 50,
  /** The rule of a suggestion a pair was taken from. */
  rule: 200,
  /** 结束原因. */
  endReason: 200,
  /** 心愿实现情况. */
  evidence: 500,
  /** 办理结果. */
  resolution: 1000,
  /** 上报原因. */
  escalation: 500,
  /** 共建委员会/特色支部营 名称 and its note. */
  committeeName: 100,
  committeeNote: 1000,
  /** 附件文件名. */
  attachmentName: 200,
  /** 问题类别 (a code or its label), 承办单位 (an id or code). */
  category: 50,
  assignee: 100,
  /** A date written YYYY-MM-DD (room for a mistaken form to be named in the answer). */
  date: 30,
  /**
   * A CSV part of importVisitsCsv: the gateway takes request bodies up to 1 MB, so a part holds
   * at most about a million characters; one part holds at most maxVisitsPerCall rows
   * (the benchmark's 5 000-row parts are about 350 000 characters).
   */
  csv: 1_000_000,
} as const;

export type TextLimits = { readonly [K in keyof typeof TEXT]: number };

export const PAIRING_RULES_HISTORY: readonly PairingRules[] = [
  {
    effectiveFrom: '2024-01-01',
    matching: {
      rules: [
        {
          category: DepartmentCategory.POLITICAL_LEGAL,
          villageType: VillageType.DISORDERLY,
          score: 10,
          reason: '综治部门对口乱村：化解矛盾纠纷、维护治安稳定',
        },
        {
          category: DepartmentCategory.ECONOMIC,
          villageType: VillageType.POOR,
          score: 10,
          reason: '经济部门对口穷村：发展集体经济、带动增收',
        },
        {
          category: DepartmentCategory.PARTY_AND_MASS,
          villageType: VillageType.WEAK_ORGANIZATION,
          score: 10,
          reason: '党群部门对口弱村：整顿软弱涣散党组织、建强班子队伍',
        },
      ],
      fallback: { score: 1, reason: '对口部门容量不足，由其他机关兜底结对，确保需要帮扶的村（社区）都有结对单位' },
    },
    defaultCapacity: 2,
    maxCapacity: 20,
    defaultTermMonths: 36,
    maxTermMonths: 60,
    wishClaimsPerMemberPerYear: 1,
    wishOpenDays: 90,
    problemDefaultDays: 15,
    problemMaxDays: 90,
    weakOrganization: {
      starRatingAtMost: 2,
      complianceBelow: 0.6,
      complianceQuarters: 4,
      committeeStages: ['PROBATIONARY', 'FULL'],
      goneStatuses: ['TRANSFERRED_OUT', 'DECEASED', 'EXPELLED'],
    },
    branchPairing: { weakStarsAtMost: 2, strongStarsAtLeast: 5, perStrongBranch: 1 },
    problemCategories: [
      { code: 'INFRASTRUCTURE', label: '基础设施' },
      { code: 'PUBLIC_ORDER', label: '社会治安' },
      { code: 'DISPUTE', label: '矛盾纠纷' },
      { code: 'LIVELIHOOD', label: '就业增收' },
      { code: 'HEALTH', label: '医疗卫生' },
      { code: 'EDUCATION', label: '教育' },
      { code: 'ENVIRONMENT', label: '环境卫生' },
      { code: 'OTHER', label: '其他' },
    ],
    maxVisitsPerCall: 5000,
    text: TEXT,
  },
];

/** The rules in force on a day (the latest version that took effect on or before it). */
export function pairingRulesOn(day: string): PairingRules {
  const inForce = PAIRING_RULES_HISTORY.filter((r) => r.effectiveFrom <= day);
  return inForce[inForce.length - 1] ?? PAIRING_RULES_HISTORY[0];
}
