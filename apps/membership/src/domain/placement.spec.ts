import { groupRefusal, placementRefusal } from './placement';

const node = (kind: string, status = 'ACTIVE', parentId: string | null = 'c') => ({ id: 'x', name: '第一党支部', kind, status, parentId });

describe('where a member may be placed', () => {
  it('accepts an active branch of any branch kind', () => {
    for (const kind of ['BRANCH', 'JOINT_BRANCH', 'TEMPORARY_ORGANIZATION']) expect(placementRefusal(node(kind))).toBeNull();
  });

  it('refuses a dissolved branch with its own code, naming it', () => {
    const refusal = placementRefusal(node('BRANCH', 'DISSOLVED'));
    expect(refusal?.code).toBe('BRANCH_DISSOLVED');
    expect(refusal?.message).toContain('第一党支部已撤销');
  });

  it('refuses a committee: members belong to a branch', () => {
    expect(placementRefusal(node('PARTY_COMMITTEE'))?.code).toBe('ORGANIZATION_NOT_BRANCH_LEVEL');
  });

  it('accepts only an active Party group of the same branch', () => {
    expect(groupRefusal(node('PARTY_GROUP', 'ACTIVE', 'b1'), 'b1')).toBeNull();
    expect(groupRefusal(node('PARTY_GROUP', 'ACTIVE', 'b2'), 'b1')?.code).toBe('PARTY_GROUP_NOT_OF_BRANCH');
    expect(groupRefusal(node('PARTY_GROUP', 'DISSOLVED', 'b1'), 'b1')?.code).toBe('PARTY_GROUP_NOT_OF_BRANCH');
    expect(groupRefusal(node('BRANCH', 'ACTIVE', 'b1'), 'b1')?.code).toBe('PARTY_GROUP_NOT_OF_BRANCH');
  });
});
