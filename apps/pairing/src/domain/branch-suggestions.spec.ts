import { suggestBranchPairs } from './branch-suggestions';

const RULES = { weakStarsAtMost: 2, strongStarsAtLeast: 5, perStrongBranch: 1 };
const b = (id: string, stars: number, finalScore: number) => ({ id, name: id, stars, finalScore });

describe('strong–weak branch suggestions from star ratings', () => {
  it('pairs the weakest branches first when the strong ones are too few', () => {
    const result = suggestBranchPairs(
      [b('s1', 5, 96), b('s2', 5, 94), b('w1', 1, 52), b('w2', 2, 70), b('w3', 1, 48), b('mid', 3, 80)],
      RULES,
    );
    expect(result.suggestions.map((s) => s.helpedId).sort()).toEqual(['w1', 'w3']);
    expect(result.uncovered).toEqual(['w2']);
    expect(result.suggestions[0].reason).toContain('强弱支部结对');
  });

  it('lets a strong branch take several when the rules allow, and leaves middling branches alone', () => {
    const result = suggestBranchPairs([b('s1', 5, 96), b('w1', 1, 52), b('w2', 2, 70), b('mid', 3, 80)], { ...RULES, perStrongBranch: 2 });
    expect(result.suggestions.map((s) => `${s.helperId}-${s.helpedId}`).sort()).toEqual(['s1-w1', 's1-w2']);
    expect(result.uncovered).toEqual([]);
  });
});
