import type { AssessmentRules } from '../reference/assessment-rules';
import { AssessmentErrors } from '../errors';
import { FACTS, FactKey, isFactKey } from './facts';

/** How a leaf indicator gets its score. */
export enum ScoringMethod {
  /** 人工评分: a reviewer scores it, with the evidence, at self-assessment and year-end. */
  MANUAL = 'MANUAL',
  /** 平时抽查扣分: the maximum less the deductions found at spot checks. */
  DEDUCTION = 'DEDUCTION',
  /** 自动计分: from a fact the other services publish. */
  AUTOMATIC = 'AUTOMATIC',
}

/** The phases of a round, in order. */
export enum Phase {
  SELF_ASSESSMENT = 'SELF_ASSESSMENT',
  SPOT_CHECK = 'SPOT_CHECK',
  YEAR_END = 'YEAR_END',
  CLOSED = 'CLOSED',
}

export const PHASE_ZH: Record<Phase, string> = {
  SELF_ASSESSMENT: '单位自查',
  SPOT_CHECK: '平时抽查',
  YEAR_END: '年终考评',
  CLOSED: '已结束',
};

/** The phases in which each method is scored by hand. */
export const SCORED_IN: Record<ScoringMethod, Phase[]> = {
  MANUAL: [Phase.SELF_ASSESSMENT, Phase.YEAR_END],
  DEDUCTION: [Phase.SPOT_CHECK],
  AUTOMATIC: [],
};

export interface IndicatorInput {
  code?: string | null;
  name: string;
  maxScore: number;
  method?: ScoringMethod | null;
  fact?: string | null;
  /** For a counted fact: points deducted per occurrence; for a deduction indicator: the usual deduction. */
  deductionPerOccurrence?: number | null;
  children?: IndicatorInput[] | null;
}

/** One node of a scheme, flattened: parents before their children. */
export interface Indicator {
  code: string;
  parentCode: string | null;
  name: string;
  maxScore: number;
  method: ScoringMethod | null;
  fact: FactKey | null;
  deductionPerOccurrence: number | null;
  leaf: boolean;
}

export enum Comparison {
  GT = 'GT',
  GTE = 'GTE',
  LT = 'LT',
  LTE = 'LTE',
}

/** 一票否决: a condition on a fact that, when met, caps the round's grade and stars. */
export interface VetoCondition {
  fact: FactKey;
  comparison: Comparison;
  threshold: number;
  label: string;
}

export interface VetoInput {
  fact: string;
  comparison: Comparison;
  threshold: number;
  label: string;
}

const MAX_DEPTH = 4;
const MAX_NODES = 200;
const NAME_LENGTH = 60;
const points = (n: number) => Math.round(n * 100) / 100;
const knownFacts = () =>
  Object.entries(FACTS)
    .map(([k, f]) => `${k}（${f.zh}）`)
    .join('、');

/**
 * Checks a scheme as a whole and flattens it: names and maxima given, children's maxima adding
 * up to their parent's (the offending node named), the top level adding up to the scheme total,
 * each leaf with a method, automatic ones with a known fact. Throws before anything is written.
 */
export function checkScheme(
  input: IndicatorInput[],
  vetoes: VetoInput[],
  rules: AssessmentRules,
): { indicators: Indicator[]; vetoes: VetoCondition[] } {
  if (input.length === 0) throw AssessmentErrors.SCHEME_EMPTY();
  const out: Indicator[] = [];
  const codes = new Set<string>();
  const walk = (nodes: IndicatorInput[], parent: Indicator | null, depth: number) => {
    nodes.forEach((node, index) => {
      const name = node.name?.trim() ?? '';
      const label = name || `${parent ? `${parent.name}的` : ''}第${index + 1}项`;
      const invalid = (rule: string) => AssessmentErrors.INDICATOR_INVALID({ indicator: label, rule });
      if (!name || [...name].length > NAME_LENGTH) throw invalid(`名称须为 1 至 ${NAME_LENGTH} 字。`);
      if (depth > MAX_DEPTH) throw invalid(`指标最多分 ${MAX_DEPTH} 级。`);
      if (!(node.maxScore > 0) || points(node.maxScore) !== node.maxScore) throw invalid('满分须大于 0，最多两位小数。');
      const code = node.code?.trim() || (parent ? `${parent.code}.${index + 1}` : String(index + 1));
      if (codes.has(code)) throw invalid(`编号“${code}”重复。`);
      codes.add(code);
      const children = node.children ?? [];
      const indicator: Indicator = {
        code,
        parentCode: parent?.code ?? null,
        name,
        maxScore: node.maxScore,
        method: null,
        fact: null,
        deductionPerOccurrence: null,
        leaf: children.length === 0,
      };
      out.push(indicator);
      if (children.length) {
        if (node.method) throw invalid('有下级指标的指标不单独设评分方式。');
        const total = points(children.reduce((sum, c) => sum + (c.maxScore ?? 0), 0));
        if (total !== node.maxScore) {
          throw AssessmentErrors.WEIGHTS_DO_NOT_ADD_UP(
            { indicator: name, maxScore: node.maxScore, childrenTotal: total },
            { indicatorCode: code },
          );
        }
        walk(children, indicator, depth + 1);
        return;
      }
      Object.assign(indicator, checkLeaf(node, label, invalid));
    });
  };
  walk(input, null, 1);
  if (out.length > MAX_NODES) throw AssessmentErrors.INDICATOR_INVALID({ indicator: '考核方案', rule: `最多 ${MAX_NODES} 个指标。` });
  const total = points(input.reduce((sum, n) => sum + n.maxScore, 0));
  if (total !== rules.schemeTotal) throw AssessmentErrors.SCHEME_TOTAL_MISMATCH({ total, expected: rules.schemeTotal });
  return { indicators: out, vetoes: vetoes.map(checkVeto) };
}

function checkLeaf(node: IndicatorInput, label: string, invalid: (rule: string) => Error): Partial<Indicator> {
  if (!node.method) throw invalid('末级指标须选择评分方式（人工评分、抽查扣分或自动计分）。');
  const per = node.deductionPerOccurrence ?? null;
  if (per !== null && !(per > 0 && per <= node.maxScore)) throw invalid(`每次扣分须大于 0 且不超过满分 ${node.maxScore} 分。`);
  if (node.method !== ScoringMethod.AUTOMATIC) {
    if (node.fact) throw invalid('只有自动计分的指标才关联数据项。');
    return { method: node.method, deductionPerOccurrence: per };
  }
  const fact = node.fact ?? '';
  if (!isFactKey(fact)) throw AssessmentErrors.UNKNOWN_FACT({ fact, where: `指标“${label}”`, known: knownFacts() });
  if (FACTS[fact].kind === 'COUNT' && per === null) throw invalid(`按次数计分的数据项（${FACTS[fact].zh}）须设置每次扣分。`);
  return { method: node.method, fact, deductionPerOccurrence: per };
}

function checkVeto(veto: VetoInput): VetoCondition {
  const label = veto.label?.trim() ?? '';
  if (!label || [...label].length > NAME_LENGTH) throw AssessmentErrors.TEXT_TOO_LONG({ field: '否决条件说明', maxLength: NAME_LENGTH });
  if (!isFactKey(veto.fact)) throw AssessmentErrors.UNKNOWN_FACT({ fact: veto.fact, where: `否决条件“${label}”`, known: knownFacts() });
  if (!Number.isFinite(veto.threshold)) throw AssessmentErrors.INDICATOR_INVALID({ indicator: label, rule: '否决阈值须为数字。' });
  return { fact: veto.fact, comparison: veto.comparison, threshold: veto.threshold, label };
}

/** Is a veto condition met? "No data" never vetoes. */
export function vetoMet(condition: VetoCondition, value: number | null): boolean {
  if (value === null) return false;
  switch (condition.comparison) {
    case Comparison.GT:
      return value > condition.threshold;
    case Comparison.GTE:
      return value >= condition.threshold;
    case Comparison.LT:
      return value < condition.threshold;
    case Comparison.LTE:
      return value <= condition.threshold;
  }
}
