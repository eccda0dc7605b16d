import { Helper, MatchingRules, Needy, ruleFor, suggestPairs } from './suggestions';
import { MinCostFlow } from './min-cost-flow';
import { PAIRING_RULES_HISTORY } from '../reference/pairing-rules';

const RULES: MatchingRules = PAIRING_RULES_HISTORY[0].matching;
const CATEGORIES = ['POLITICAL_LEGAL', 'ECONOMIC', 'PARTY_AND_MASS', 'OTHER', null];
const TYPES = ['DISORDERLY', 'POOR', 'WEAK_ORGANIZATION'];

/** A small deterministic generator, so a failure is reproducible from its seed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Every assignment of each village to an agency or to nobody, within capacities: the best (covered, score). */
function bruteForce(helpers: Helper[], needy: Needy[], rules: MatchingRules): { covered: number; score: number } {
  let best = { covered: 0, score: 0 };
  const left = helpers.map((h) => h.remaining);
  const walk = (i: number, covered: number, score: number) => {
    if (i === needy.length) {
      if (covered > best.covered || (covered === best.covered && score > best.score)) best = { covered, score };
      return;
    }
    walk(i + 1, covered, score);
    helpers.forEach((h, k) => {
      const fit = ruleFor(rules, h.category, needy[i].villageType);
      if (!fit || left[k] === 0) return;
      left[k]--;
      walk(i + 1, covered + 1, score + fit.score);
      left[k]++;
    });
  };
  walk(0, 0, 0);
  return best;
}

function smallCase(seed: number) {
  const r = random(seed);
  const helpers: Helper[] = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, i) => ({
    id: `a${i}`,
    name: `机关${i}`,
    category: CATEGORIES[Math.floor(r() * CATEGORIES.length)],
    remaining: Math.floor(r() * 3),
  }));
  const needy: Needy[] = Array.from({ length: 1 + Math.floor(r() * 7) }, (_, i) => ({
    id: `v${i}`,
    name: `村${i}`,
    villageType: TYPES[Math.floor(r() * TYPES.length)],
  }));
  const rules: MatchingRules = {
    rules: RULES.rules.map((rule) => ({ ...rule, score: 2 + Math.floor(r() * 9) })),
    fallback: r() < 0.5 ? { score: Math.floor(r() * 3), reason: '兜底' } : null,
  };
  return { helpers, needy, rules };
}

describe('pairing suggestions', () => {
  it('matches political-legal with disorderly, economic with poor, Party-and-mass with weak, each with its reason', () => {
    const result = suggestPairs(
      [
        { id: 'econ', name: '区发改局党委', category: 'ECONOMIC', remaining: 1 },
        { id: 'law', name: '区公安分局党委', category: 'POLITICAL_LEGAL', remaining: 1 },
        { id: 'mass', name: '区妇联党组', category: 'PARTY_AND_MASS', remaining: 1 },
      ],
      [
        { id: 'weak', name: '东村', villageType: 'WEAK_ORGANIZATION' },
        { id: 'poor', name: '西村', villageType: 'POOR' },
        { id: 'chaos', name: '南村', villageType: 'DISORDERLY' },
      ],
      RULES,
    );
    const pairs = Object.fromEntries(result.suggestions.map((s) => [s.helpedId, s.helperId]));
    expect(pairs).toEqual({ weak: 'mass', poor: 'econ', chaos: 'law' });
    expect(result.totalScore).toBe(30);
    expect(result.suggestions.find((s) => s.helpedId === 'chaos')?.reason).toContain('综治部门对口乱村');
  });

  it('is not greedy: gives up a good pair when that covers one more village', () => {
    // A greedy matcher gives the economic agency to the poor village it fits best, leaving the
    // weak village without anyone; the optimum covers both.
    const result = suggestPairs(
      [
        { id: 'econ', name: '经济局', category: 'ECONOMIC', remaining: 1 },
        { id: 'other', name: '其他局', category: 'POLITICAL_LEGAL', remaining: 1 },
      ],
      [
        { id: 'poor', name: '穷村', villageType: 'POOR' },
        { id: 'weak', name: '弱村', villageType: 'WEAK_ORGANIZATION' },
      ],
      {
        rules: [
          { category: 'ECONOMIC', villageType: 'POOR', score: 10, reason: 'r' },
          { category: 'ECONOMIC', villageType: 'WEAK_ORGANIZATION', score: 5, reason: 'r' },
          { category: 'POLITICAL_LEGAL', villageType: 'POOR', score: 1, reason: 'r' },
        ],
        fallback: null,
      },
    );
    expect(result.suggestions.map((s) => `${s.helperId}-${s.helpedId}`).sort()).toEqual(['econ-weak', 'other-poor']);
    expect(result.uncovered).toEqual([]);
  });

  it('respects capacities and says why a village is left without a partner', () => {
    const result = suggestPairs(
      [{ id: 'a', name: '甲局', category: 'ECONOMIC', remaining: 1 }],
      [
        { id: 'p1', name: '一村', villageType: 'POOR' },
        { id: 'p2', name: '二村', villageType: 'POOR' },
      ],
      RULES,
    );
    expect(result.suggestions).toHaveLength(1);
    expect(result.uncovered).toEqual([{ helpedId: 'p2', reason: expect.stringContaining('容量已全部用完') }]);
  });

  it('is optimal: equals a brute force over every assignment on 300 small random districts', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { helpers, needy, rules } = smallCase(seed);
      const result = suggestPairs(helpers, needy, rules);
      const best = bruteForce(helpers, needy, rules);
      expect({ seed, covered: result.suggestions.length, score: result.totalScore }).toEqual({ seed, ...best });
      // Feasible: capacities respected, every village at most once.
      const used = new Map<string, number>();
      for (const s of result.suggestions) used.set(s.helperId, (used.get(s.helperId) ?? 0) + 1);
      for (const h of helpers) expect(used.get(h.id) ?? 0).toBeLessThanOrEqual(Math.max(h.remaining, 0));
      expect(new Set(result.suggestions.map((s) => s.helpedId)).size).toBe(result.suggestions.length);
    }
  });
});

describe('minimum-cost flow', () => {
  it('finds the cheapest maximum flow with negative edge costs', () => {
    // 0 → 1 → 3 and 0 → 2 → 3, plus a cross edge 1 → 2; the cheaper route is taken first.
    const g = new MinCostFlow(4);
    g.addEdge(0, 1, 2, 0);
    g.addEdge(0, 2, 1, 0);
    const a = g.addEdge(1, 3, 1, -5);
    g.addEdge(1, 2, 1, 0);
    const b = g.addEdge(2, 3, 2, -1);
    expect(g.solve(0, 3)).toEqual({ flow: 3, cost: -7 });
    expect([g.flowOn(a), g.flowOn(b)]).toEqual([1, 2]);
  });
});
