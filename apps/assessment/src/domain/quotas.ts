import type { AssessmentRules } from '../reference/assessment-rules';

// Shares are multiplied with a small allowance so that 30 × 0.3 is 9, not 8.999….
const floorShare = (count: number, ratio: number) => Math.floor(count * ratio + 1e-9);

/**
 * 共产党员示范岗: at most 10 % of the branch's in-service members, rounded down; a branch with
 * fewer than 10 in-service members may still nominate one (none without any).
 */
export function modelPostAllowance(inService: number, rules: AssessmentRules): number {
  if (inService <= 0) return 0;
  if (inService < rules.modelPosts.smallBranchBelow) return rules.modelPosts.smallBranchAllowance;
  return floorShare(inService, rules.modelPosts.ratio);
}

/** 民主评议: how many of a branch's appraised members may be 优秀 (rounded down, at least one). */
export function excellentAllowance(appraised: number, rules: AssessmentRules): number {
  if (appraised <= 0) return 0;
  return Math.max(1, floorShare(appraised, rules.excellentRatio));
}
