import { ORGANIZATION_RULES } from '../reference/organization-rules';

/** The counts the structural rules look at, for one branch-level organisation. */
export interface BranchFigures {
  /** Full and probationary members (党员), not applicants, activists or candidates. */
  members: number;
  fullMembers: number;
  committeeMembers: number;
}

export enum StructuralIssue {
  /** 正式党员不足3人 — cannot form a branch on its own */
  TOO_FEW_FULL_MEMBERS = 'TOO_FEW_FULL_MEMBERS',
  /** 党员超过50人 — split it or form a general branch */
  TOO_MANY_MEMBERS = 'TOO_MANY_MEMBERS',
  /** 党员7人以上未设支委会 */
  NO_COMMITTEE = 'NO_COMMITTEE',
}

/** 中国共产党支部工作条例: which rules a branch breaks (reported, never silently allowed). */
export function structuralIssues(f: BranchFigures, rules = ORGANIZATION_RULES.branch): StructuralIssue[] {
  const issues: StructuralIssue[] = [];
  if (f.fullMembers < rules.minFullMembers) issues.push(StructuralIssue.TOO_FEW_FULL_MEMBERS);
  if (f.members > rules.maxMembers) issues.push(StructuralIssue.TOO_MANY_MEMBERS);
  if (f.members >= rules.committeeFromMembers && f.committeeMembers < rules.committeeMinSize) issues.push(StructuralIssue.NO_COMMITTEE);
  return issues;
}
