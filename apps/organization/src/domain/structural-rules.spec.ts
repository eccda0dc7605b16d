import { StructuralIssue, structuralIssues } from './structural-rules';

describe('branch structural rules', () => {
  it('accepts a branch of 5 with a secretary only', () => {
    expect(structuralIssues({ members: 5, fullMembers: 4, committeeMembers: 1 })).toEqual([]);
  });

  it('reports fewer than 3 full members', () => {
    expect(structuralIssues({ members: 3, fullMembers: 2, committeeMembers: 1 })).toEqual([StructuralIssue.TOO_FEW_FULL_MEMBERS]);
  });

  it('asks a branch of 7 or more for a committee', () => {
    expect(structuralIssues({ members: 7, fullMembers: 7, committeeMembers: 1 })).toEqual([StructuralIssue.NO_COMMITTEE]);
    expect(structuralIssues({ members: 7, fullMembers: 7, committeeMembers: 3 })).toEqual([]);
  });

  it('reports more than 50 members', () => {
    expect(structuralIssues({ members: 51, fullMembers: 45, committeeMembers: 5 })).toEqual([StructuralIssue.TOO_MANY_MEMBERS]);
    expect(structuralIssues({ members: 50, fullMembers: 45, committeeMembers: 5 })).toEqual([]);
  });
});
