import { MinCostFlow } from './min-cost-flow';

/** A branch's star rating for a year (评星定级), as the assessment service publishes it. */
export interface RatedBranch {
  id: string;
  name: string;
  stars: number;
  /** Out of 100. */
  finalScore: number;
}

export interface BranchPairRules {
  weakStarsAtMost: number;
  strongStarsAtLeast: number;
  perStrongBranch: number;
}

export interface BranchSuggestion {
  helperId: string;
  helpedId: string;
  score: number;
  reason: string;
}

/**
 * 强弱支部结对: the lowest-rated branches paired with the top-rated ones. The weakest are served
 * first — each pair is worth more the lower the weak branch scored — and as many weak branches
 * as the strong ones can take are covered: a minimum-cost maximum flow on strong × weak edges
 * (the score depends on the particular branch here, so the graph is not grouped).
 */
export function suggestBranchPairs(
  rated: readonly RatedBranch[],
  rules: BranchPairRules,
): { suggestions: BranchSuggestion[]; uncovered: string[] } {
  const strong = rated.filter((b) => b.stars >= rules.strongStarsAtLeast);
  const weak = rated.filter((b) => b.stars <= rules.weakStarsAtMost);
  const graph = new MinCostFlow(2 + strong.length + weak.length);
  const edges: Array<{ s: number; w: number; edge: number; score: number }> = [];
  strong.forEach((_, s) => graph.addEdge(0, 2 + s, rules.perStrongBranch, 0));
  weak.forEach((w, j) => {
    graph.addEdge(2 + strong.length + j, 1, 1, 0);
    // Integer scores: the weaker the branch, the more its pair is worth (one point per tenth of a mark below 100).
    const score = Math.round((100 - w.finalScore) * 10) + 1;
    strong.forEach((_, s) => edges.push({ s, w: j, score, edge: graph.addEdge(2 + s, 2 + strong.length + j, 1, -score) }));
  });
  graph.solve(0, 1);
  const suggestions: BranchSuggestion[] = [];
  const covered = new Set<number>();
  for (const e of edges) {
    if (graph.flowOn(e.edge) === 0) continue;
    const s = strong[e.s];
    const w = weak[e.w];
    covered.add(e.w);
    suggestions.push({
      helperId: s.id,
      helpedId: w.id,
      score: e.score,
      reason: `强弱支部结对：「${s.name}」（${s.stars}星，${s.finalScore}分）帮带「${w.name}」（${w.stars}星，${w.finalScore}分）。`,
    });
  }
  return { suggestions, uncovered: weak.filter((_, j) => !covered.has(j)).map((w) => w.id) };
}
