import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';

const MOVE = `mutation($id: ID!, $to: ID!) { moveOrganization(id: $id, newParentId: $to) { id ancestorIds } }`;

describe('two moves that cross each other', () => {
  let stack: TestStack;
  let root: string;

  beforeAll(async () => {
    stack = await startTestStack();
    root = await createOrg(stack, { code: 'X', name: '直属机关工作委员会', kind: 'WORKING_COMMITTEE' });
  });
  afterAll(() => stack?.stop());

  it('sent at the same moment, one moves and the other is refused as a cycle, never a deadlock', async () => {
    const admin = stack.as(ADMIN);
    for (let round = 1; round <= 4; round += 1) {
      const a = await createOrg(stack, { code: `X-A${round}`, name: `甲党委${round}`, kind: 'PARTY_COMMITTEE', parentId: root });
      const b = await createOrg(stack, { code: `X-B${round}`, name: `乙党委${round}`, kind: 'PARTY_COMMITTEE', parentId: root });
      // Each has a child, so a move also rewrites a subtree's paths while the other waits.
      await createOrg(stack, { code: `X-A${round}-1`, name: `甲支部${round}`, kind: 'BRANCH', parentId: a });
      await createOrg(stack, { code: `X-B${round}-1`, name: `乙支部${round}`, kind: 'BRANCH', parentId: b });
      const results = await Promise.all([admin(MOVE, { id: a, to: b }), admin(MOVE, { id: b, to: a })]);
      const codes = results.map(codeOf);
      expect(codes.filter((c) => c === undefined)).toHaveLength(1);
      expect(codes.filter((c) => c === 'MOVE_WOULD_CREATE_CYCLE')).toHaveLength(1);
      const winner = results.findIndex((r) => !r.errors);
      const [moved, under] = winner === 0 ? [a, b] : [b, a];
      const tree = await admin(`query($id: ID!) { organization(id: $id) { ancestorIds } }`, { id: moved });
      expect(tree.data.organization.ancestorIds).toEqual([root, under]);
      const other = await admin(`query($id: ID!) { organization(id: $id) { ancestorIds } }`, { id: under });
      expect(other.data.organization.ancestorIds).toEqual([root]);
    }
  });
});
