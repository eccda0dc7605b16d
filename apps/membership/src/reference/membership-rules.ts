import { addYears } from '@partybuild/calendar';
import type { DayRange, NumberRange } from '@partybuild/errors';
import { MemberCategory } from '../domain/member-kinds';

/**
 * The official numbers of member development, versioned by the day they took effect, so a
 * step is judged by the rules in force on its date (中国共产党发展党员工作细则, 2014-05-28).
 * A district that adopts other numbers adds a version here; nothing else holds these literals.
 */
export interface DevelopmentRules {
  effectiveFrom: string;
  source: string;
  minAge: number;
  /** 党组织派人谈话 within this many months of the application. */
  talkWithinMonths: number;
  /** At least this many years as an activist before becoming a candidate. */
  activistMinYears: number;
  activistReviewMonths: number;
  contacts: { min: number; max: number };
  introducers: number;
  training: { minDays: number; minHours: number };
  /** Working days of the public notice (公示), counted by the official calendar (reference/working-days.ts). */
  publicNoticeWorkingDays: number;
  /** Superior approval expected within this many months of the branch vote; later ones are flagged. */
  approvalWithinMonths: number;
  probationYears: number;
  extension: { minMonths: number; maxMonths: number; times: number };
}

export const DEVELOPMENT_RULE_VERSIONS: readonly DevelopmentRules[] = [
  {
    effectiveFrom: '2014-05-28',
    source: '中国共产党发展党员工作细则（2014）',
    minAge: 18,
    talkWithinMonths: 1,
    activistMinYears: 1,
    activistReviewMonths: 6,
    contacts: { min: 1, max: 2 },
    introducers: 2,
    training: { minDays: 3, minHours: 24 },
    publicNoticeWorkingDays: 5,
    approvalWithinMonths: 3,
    probationYears: 1,
    extension: { minMonths: 6, maxMonths: 12, times: 1 },
  },
];

/** The rules in force on a day (the earliest version for days before it). */
export function developmentRulesOn(day: string): DevelopmentRules {
  const applicable = DEVELOPMENT_RULE_VERSIONS.filter((v) => v.effectiveFrom <= day);
  return applicable[applicable.length - 1] ?? DEVELOPMENT_RULE_VERSIONS[0];
}

/** A bracket of a share of the declared monthly base: up to `upToFen` (inclusive), `rate`. */
export interface DuesBracket {
  upToFen: number | null;
  rate: number;
}

export interface DuesRules {
  effectiveFrom: string;
  source: string;
  /** Categories that pay a share of a declared base (after-tax salary, pension). */
  brackets: Partial<Record<MemberCategory, DuesBracket[]>>;
  /** Farmers pay a declared fixed amount within this range. */
  farmer: { minFen: number; maxFen: number };
  /** Everyone else (students, unemployed, subsistence allowance). */
  fixedFen: number;
  /** Consecutive unpaid months after which a person must decide (视为自行脱党: people decide, the system flags). */
  flagAfterUnpaidMonths: number;
  /** How far ahead a payment may reach. */
  maxMonthsAhead: number;
}

export const DUES_RULE_VERSIONS: readonly DuesRules[] = [
  {
    effectiveFrom: '2008-02-28',
    source: '关于中国共产党党费收缴、使用和管理的规定（2008）',
    brackets: {
      [MemberCategory.IN_SERVICE]: [
        { upToFen: 300_000, rate: 0.005 },
        { upToFen: 500_000, rate: 0.01 },
        { upToFen: 1_000_000, rate: 0.015 },
        { upToFen: null, rate: 0.02 },
      ],
      [MemberCategory.RETIRED]: [
        { upToFen: 500_000, rate: 0.005 },
        { upToFen: null, rate: 0.01 },
      ],
    },
    farmer: { minFen: 20, maxFen: 100 },
    fixedFen: 20,
    flagAfterUnpaidMonths: 6,
    maxMonthsAhead: 12,
  },
];

export function duesRulesOn(day: string): DuesRules {
  const applicable = DUES_RULE_VERSIONS.filter((v) => v.effectiveFrom <= day);
  return applicable[applicable.length - 1] ?? DUES_RULE_VERSIONS[0];
}

/** Limits on what a person record and an import may hold. */
export const RECORD_RULES = {
  name: { maxLength: 50 },
  importMaxRows: 50_000,
  /** Longest free texts accepted (characters), stated in the schema. */
  text: { idNumber: 20, phone: 20, ethnicity: 20, education: 50, workUnit: 100, post: 50, notes: 1000, destination: 200, reason: 500 },
  /** Largest import file (characters). */
  importMaxCharacters: 20_000_000,
  /** Age filters accept whole years up to this. */
  maxAge: 150,
  /** How far ahead `developmentDue` may look (days). */
  maxLookAheadDays: 366,
} as const;

/**
 * How far back a date typed in may lie: a transfer issued in 1900 or a step dated in the year
 * 0000 cannot be true, and nothing is recorded as happening after today. A district whose
 * records reach further back overrides these with MEMBERSHIP_DATE_LIMITS (see config.ts).
 */
export interface MembershipDateLimits {
  /** Personal history (joined, designated activist or candidate, full member): not before the Party was founded. */
  historyFrom: string;
  /** A birth date (from the ID number) at most this many years back, and not after today. */
  oldestAgeYears: number;
  /** Years back an operation may be entered after the fact. */
  backdateYears: {
    /** A development history is often entered late; it spans a few years at most. */
    developmentStep: number;
    statusChange: number;
    /** A transfer letter is valid for months; one issued longer ago than this was never used. */
    transfer: number;
    duesPayment: number;
  };
  /** Training of a candidate (TRAINING_COMPLETED), and vote counts of one branch. */
  trainingDays: NumberRange;
  trainingHours: NumberRange;
  voters: NumberRange;
  /** A declared monthly base for dues, in fen (¥10 million). */
  duesBaseFen: NumberRange;
}

export const DATE_LIMITS: MembershipDateLimits = {
  historyFrom: '1921-07-01',
  oldestAgeYears: 120,
  backdateYears: { developmentStep: 10, statusChange: 10, transfer: 1, duesPayment: 5 },
  trainingDays: { min: 0, max: 365 },
  trainingHours: { min: 0, max: 2_000 },
  voters: { min: 0, max: 10_000 },
  duesBaseFen: { min: 0, max: 1_000_000_000 },
};

/** The days an operation entered today may be dated: from `years` back until today. */
export const backdateRange = (today: string, years: number): DayRange => ({ earliest: addYears(today, -years), latest: today });
