import { MinCostFlow } from './min-cost-flow';

/** One matching rule: an agency of this department category suits a village of this type. */
export interface MatchingRule {
  category: string;
  villageType: string;
  /** Higher is a better fit; only the order and sums matter. Non-negative integer. */
  score: number;
  /** Why, in words a party-affairs worker reads (Chinese). */
  reason: string;
}

export interface MatchingRules {
  rules: MatchingRule[];
  /** Any other agency may still take a village that needs a partner, at this score; null forbids it. */
  fallback: { score: number; reason: string } | null;
}

/** An agency organisation able to take villages. */
export interface Helper {
  id: string;
  name: string;
  category: string | null;
  /** Capacity minus its open (proposed or active) pairs. */
  remaining: number;
}

/** A village or community that needs a partner and has none. */
export interface Needy {
  id: string;
  name: string;
  villageType: string;
}

export interface Suggestion {
  helperId: string;
  helpedId: string;
  score: number;
  /** `POLITICAL_LEGAL→DISORDERLY`, or `FALLBACK`. */
  rule: string;
  reason: string;
}

export interface SuggestionResult {
  suggestions: Suggestion[];
  /** Villages left without a suggestion, and why. */
  uncovered: Array<{ helpedId: string; reason: string }>;
  /** The sum of the suggestions' scores: the figure the assignment maximises after coverage. */
  totalScore: number;
}

/** The best rule for an agency category and a village type, or null when no rule allows the pair. */
export function ruleFor(
  rules: MatchingRules,
  category: string | null,
  villageType: string,
): { score: number; rule: string; reason: string } | null {
  let best: MatchingRule | null = null;
  for (const r of rules.rules) {
    if (r.category === category && r.villageType === villageType && (!best || r.score > best.score)) best = r;
  }
  if (best) return { score: best.score, rule: `${best.category}→${best.villageType}`, reason: best.reason };
  return rules.fallback ? { score: rules.fallback.score, rule: 'FALLBACK', reason: rules.fallback.reason } : null;
}

/**
 * The optimal assignment of villages needing a partner to agencies with capacity, over the whole
 * district at once: first as many villages covered as the capacities and rules allow, then the
 * largest total score among those — a minimum-cost maximum flow, not a greedy first-come.
 *
 * Since a pair's score depends only on the agency and the village's type, villages of one type
 * are interchangeable: the flow runs on agencies × village types (300 × 4 edges for a whole
 * district, not 300 × 600), then each type's villages are dealt out in the order given. Any such
 * dealing has the same coverage and score, so the result stays optimal.
 */
export function suggestPairs(helpers: readonly Helper[], needy: readonly Needy[], rules: MatchingRules): SuggestionResult {
  const types = [...new Set(needy.map((v) => v.villageType))];
  const byType = new Map(types.map((t) => [t, needy.filter((v) => v.villageType === t)]));
  const source = 0;
  const sink = 1;
  const helperNode = (i: number) => 2 + i;
  const typeNode = (j: number) => 2 + helpers.length + j;
  const graph = new MinCostFlow(2 + helpers.length + types.length);
  const edges: Array<{ helper: number; type: number; edge: number }> = [];
  helpers.forEach((h, i) => {
    if (h.remaining <= 0) return;
    graph.addEdge(source, helperNode(i), h.remaining, 0);
    types.forEach((t, j) => {
      const fit = ruleFor(rules, h.category, t);
      if (!fit) return;
      const capacity = Math.min(h.remaining, (byType.get(t) as Needy[]).length);
      edges.push({ helper: i, type: j, edge: graph.addEdge(helperNode(i), typeNode(j), capacity, -fit.score) });
    });
  });
  types.forEach((t, j) => graph.addEdge(typeNode(j), sink, (byType.get(t) as Needy[]).length, 0));
  const { cost } = graph.solve(source, sink);

  const suggestions: Suggestion[] = [];
  const dealt = new Map<number, number>();
  for (const { helper, type, edge } of edges) {
    const flow = graph.flowOn(edge);
    if (flow === 0) continue;
    const t = types[type];
    const villages = byType.get(t) as Needy[];
    const from = dealt.get(type) ?? 0;
    const h = helpers[helper];
    const fit = ruleFor(rules, h.category, t) as NonNullable<ReturnType<typeof ruleFor>>;
    for (const v of villages.slice(from, from + flow)) {
      suggestions.push({
        helperId: h.id,
        helpedId: v.id,
        score: fit.score,
        rule: fit.rule,
        reason: `${fit.reason}：建议「${h.name}」与「${v.name}」结对（匹配分 ${fit.score}）。`,
      });
    }
    dealt.set(type, from + flow);
  }
  const uncovered: SuggestionResult['uncovered'] = [];
  types.forEach((t, j) => {
    const villages = byType.get(t) as Needy[];
    const allowed = helpers.some((h) => ruleFor(rules, h.category, t) !== null);
    for (const v of villages.slice(dealt.get(j) ?? 0)) {
      uncovered.push({
        helpedId: v.id,
        reason: allowed
          ? `「${v.name}」暂无建议：按规则可对口的机关结对容量已全部用完，请增加机关容量或调整规则。`
          : `「${v.name}」暂无建议：没有规则允许任何机关与此类村（社区）结对。`,
      });
    }
  });
  return { suggestions, uncovered, totalScore: cost === 0 ? 0 : -cost };
}
