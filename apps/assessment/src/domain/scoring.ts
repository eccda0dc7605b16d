import { FACTS, FactValues } from './facts';
import { Indicator, Phase, ScoringMethod, VetoCondition, vetoMet } from './scheme';
import { AssessmentRules, RoundGrade } from '../reference/assessment-rules';

export enum EntryKind {
  SCORE = 'SCORE',
  DEDUCTION = 'DEDUCTION',
}

/** One score or deduction as recorded, oldest first. */
export interface ScoreEntry {
  indicatorCode: string;
  phase: Phase;
  kind: EntryKind;
  points: number;
}

export interface IndicatorScore {
  code: string;
  /** Null: "no data" (an automatic indicator whose fact nobody publishes yet); it counts neither way. */
  score: number | null;
  maxScore: number;
  /** The fact's value an automatic indicator was scored from. */
  factValue: number | null;
  /** A manual indicator nobody has scored yet (it counts as zero). */
  unscored: boolean;
}

export interface RoundScore {
  /** Out of 100: the points earned over the points of the indicators that have data. */
  finalScore: number;
  earned: number;
  counted: number;
  indicators: IndicatorScore[];
  /** The labels of the veto conditions met. */
  vetoes: string[];
}

const two = (n: number) => Math.round(n * 100) / 100;

/** The score of one leaf from its entries or its fact. */
function leafScore(indicator: Indicator, entries: ScoreEntry[], facts: FactValues): IndicatorScore {
  const base = { code: indicator.code, maxScore: indicator.maxScore, factValue: null, unscored: false };
  switch (indicator.method) {
    case ScoringMethod.MANUAL: {
      // The year-end evaluation decides; until then (or if it leaves it), the self-assessment stands.
      const latest = (phase: Phase) => entries.filter((e) => e.phase === phase && e.kind === EntryKind.SCORE).pop();
      const entry = latest(Phase.YEAR_END) ?? latest(Phase.SELF_ASSESSMENT);
      return { ...base, score: entry ? entry.points : 0, unscored: !entry };
    }
    case ScoringMethod.DEDUCTION: {
      const deducted = entries.filter((e) => e.kind === EntryKind.DEDUCTION).reduce((sum, e) => sum + e.points, 0);
      return { ...base, score: two(Math.max(0, indicator.maxScore - deducted)) };
    }
    default: {
      const value = indicator.fact ? facts[indicator.fact] : null;
      if (value === null || !indicator.fact) return { ...base, score: null };
      const score =
        FACTS[indicator.fact].kind === 'RATIO'
          ? indicator.maxScore * Math.min(1, Math.max(0, value))
          : Math.max(0, indicator.maxScore - value * (indicator.deductionPerOccurrence ?? indicator.maxScore));
      return { ...base, score: two(score), factValue: value };
    }
  }
}

/**
 * A round's scores: every leaf from its entries or its fact, every parent the sum of its
 * children with data, the final score out of 100 over the indicators with data, and the veto
 * conditions met. Pure, so an open round follows the facts and a closed one is reproducible.
 */
export function scoreRound(indicators: Indicator[], vetoes: VetoCondition[], entries: ScoreEntry[], facts: FactValues): RoundScore {
  const byCode = new Map<string, ScoreEntry[]>();
  for (const entry of entries) byCode.set(entry.indicatorCode, [...(byCode.get(entry.indicatorCode) ?? []), entry]);
  const scores = new Map<string, IndicatorScore>();
  for (const leaf of indicators.filter((i) => i.leaf)) scores.set(leaf.code, leafScore(leaf, byCode.get(leaf.code) ?? [], facts));
  // Parents come before their children in the list: sum from the bottom up.
  for (const parent of [...indicators].reverse().filter((i) => !i.leaf)) {
    const children = indicators.filter((i) => i.parentCode === parent.code).map((c) => scores.get(c.code) as IndicatorScore);
    const withData = children.filter((c) => c.score !== null);
    scores.set(parent.code, {
      code: parent.code,
      maxScore: parent.maxScore,
      score: withData.length ? two(withData.reduce((sum, c) => sum + (c.score as number), 0)) : null,
      factValue: null,
      unscored: children.some((c) => c.unscored),
    });
  }
  const leaves = indicators.filter((i) => i.leaf).map((i) => scores.get(i.code) as IndicatorScore);
  const withData = leaves.filter((l) => l.score !== null);
  const earned = two(withData.reduce((sum, l) => sum + (l.score as number), 0));
  const counted = two(withData.reduce((sum, l) => sum + l.maxScore, 0));
  return {
    finalScore: counted > 0 ? two((earned / counted) * 100) : 0,
    earned,
    counted,
    indicators: indicators.map((i) => scores.get(i.code) as IndicatorScore),
    vetoes: vetoes.filter((v) => vetoMet(v, facts[v.fact])).map((v) => v.label),
  };
}

const GRADE_ORDER = [RoundGrade.EXCELLENT, RoundGrade.GOOD, RoundGrade.FAIR, RoundGrade.POOR];

/** 评定等次 from the final score; a veto caps it. */
export function gradeOf(finalScore: number, vetoed: boolean, rules: AssessmentRules): RoundGrade {
  const byScore = rules.gradeThresholds.find((t) => finalScore >= t.minScore)?.grade ?? RoundGrade.POOR;
  if (!vetoed) return byScore;
  return GRADE_ORDER.indexOf(byScore) < GRADE_ORDER.indexOf(rules.vetoGradeCap) ? rules.vetoGradeCap : byScore;
}

/** 星级 (1–5) from the final score; a veto caps it. */
export function starsOf(finalScore: number, vetoed: boolean, rules: AssessmentRules): number {
  const byScore = rules.starThresholds.find((t) => finalScore >= t.minScore)?.stars ?? 1;
  return vetoed ? Math.min(byScore, rules.vetoStarCap) : byScore;
}

export interface Ranked {
  id: string;
  finalScore: number;
  vetoed: boolean;
}

/** Competition ranking (1, 2, 2, 4) by final score, best first. */
export function rankOf<T extends Ranked>(rows: T[]): Array<T & { rank: number }> {
  const sorted = [...rows].sort((a, b) => b.finalScore - a.finalScore || a.id.localeCompare(b.id));
  let rank = 0;
  return sorted.map((row, index) => {
    if (index === 0 || sorted[index - 1].finalScore !== row.finalScore) rank = index + 1;
    return { ...row, rank };
  });
}

/** 十佳: the best `count` not vetoed with at least the minimum score (ties at the edge all listed). */
export function topTen<T extends Ranked>(rows: T[], rules: AssessmentRules): Array<T & { rank: number }> {
  const eligible = rankOf(rows.filter((r) => !r.vetoed && r.finalScore >= rules.topTen.minScore));
  return eligible.filter((r) => r.rank <= rules.topTen.count);
}
