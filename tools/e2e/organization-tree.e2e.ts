import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';

describe('organisation tree through the gateway', () => {
  let stack: TestStack;
  let root: string, transport: string, finance: string, branch: string, group: string;
  const admin = () => stack.as(ADMIN);

  beforeAll(async () => {
    stack = await startTestStack();
    root = await createOrg(stack, { code: 'W', name: '合川区直属机关工作委员会', kind: 'WORKING_COMMITTEE' });
    transport = await createOrg(stack, { code: 'W-JT', name: '合川区交通局机关党委', kind: 'PARTY_COMMITTEE', parentId: root });
    finance = await createOrg(stack, { code: 'W-CZ', name: '合川区财政局机关党委', kind: 'PARTY_COMMITTEE', parentId: root });
    branch = await createOrg(stack, { code: 'W-JT-01', name: '合川区交通局机关党支部', kind: 'BRANCH', parentId: transport });
    group = await createOrg(stack, { code: 'W-JT-01-G1', name: '第一党小组', kind: 'PARTY_GROUP', parentId: branch });
  });
  afterAll(() => stack?.stop());

  it('reads an organisation by id and by code, with parent, ancestors and children', async () => {
    const { data, errors } = await admin()(
      `query($id: ID!) {
        organization(id: $id) { name parent { code } ancestors { code } children { totalCount items { code kind } } }
        organizationByCode(code: "W-JT-01") { id }
      }`,
      { id: branch },
    );
    expect(errors).toBeUndefined();
    expect(data.organization).toEqual({
      name: '合川区交通局机关党支部',
      parent: { code: 'W-JT' },
      ancestors: [{ code: 'W' }, { code: 'W-JT' }],
      children: { totalCount: 1, items: [{ code: 'W-JT-01-G1', kind: 'PARTY_GROUP' }] },
    });
    expect(data.organizationByCode.id).toBe(branch);
  });

  it('pages through a subtree, filtered by kind', async () => {
    const first = await admin()(
      `query($id: ID!) { organizationSubtree(id: $id, first: 2) { totalCount items { code } pageInfo { hasNextPage endCursor } } }`,
      { id: root },
    );
    expect(first.data.organizationSubtree.totalCount).toBe(4);
    expect(first.data.organizationSubtree.items.map((o: { code: string }) => o.code)).toEqual(['W-CZ', 'W-JT']);
    const next = await admin()(
      `query($id: ID!, $after: String) { organizationSubtree(id: $id, first: 2, after: $after) { items { code } pageInfo { hasNextPage } } }`,
      {
        id: root,
        after: first.data.organizationSubtree.pageInfo.endCursor,
      },
    );
    expect(next.data.organizationSubtree.items.map((o: { code: string }) => o.code)).toEqual(['W-JT-01', 'W-JT-01-G1']);
    expect(next.data.organizationSubtree.pageInfo.hasNextPage).toBe(false);
    const groups = await admin()(`query($id: ID!) { organizationSubtree(id: $id, kinds: [PARTY_GROUP]) { totalCount items { id } } }`, {
      id: root,
    });
    expect(groups.data.organizationSubtree.items).toEqual([{ id: group }]);
  });

  it('finds a Chinese name by a part of it', async () => {
    const { data } = await admin()(`{ searchOrganizations(name: "交通局") { totalCount items { code } } }`);
    expect(data.searchOrganizations.items.map((o: { code: string }) => o.code).sort()).toEqual(['W-JT', 'W-JT-01']);
    const none = await admin()(`{ searchOrganizations(name: "%") { totalCount } }`);
    expect(none.data.searchOrganizations.totalCount).toBe(0);
  });

  it('refuses bad input with stable codes and readable messages', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ code: 'X1', name: '   ', kind: 'BRANCH', parentId: transport }, 'BAD_USER_INPUT', /name is empty/],
      [{ code: 'X2', name: '党'.repeat(101), kind: 'BRANCH', parentId: transport }, 'BAD_USER_INPUT', /at most 100 characters/],
      [{ code: 'W-JT', name: '重复编码党支部', kind: 'BRANCH', parentId: transport }, 'ORGANIZATION_CODE_TAKEN', /W-JT is already used/],
      [
        { code: 'X3', name: '某党小组', kind: 'PARTY_GROUP', parentId: transport },
        'PARENT_KIND_NOT_ALLOWED',
        /Party group \(党小组\) cannot be placed under/,
      ],
      [
        { code: 'X4', name: '支部下支部', kind: 'BRANCH', parentId: branch },
        'PARENT_KIND_NOT_ALLOWED',
        /branch \(党支部\) cannot be placed under/,
      ],
      [{ code: 'X5', name: '无上级支部', kind: 'BRANCH' }, 'PARENT_KIND_NOT_ALLOWED', /must belong to a superior/],
      [
        { code: 'X6', name: '幽灵支部', kind: 'BRANCH', parentId: '00000000-0000-4000-8000-000000000000' },
        'ORGANIZATION_NOT_FOUND',
        /No organisation/,
      ],
      [
        { code: 'X7', name: '临时党支部', kind: 'TEMPORARY_ORGANIZATION', parentId: transport },
        'BAD_USER_INPUT',
        /needs the date its task ends/,
      ],
    ];
    const before = (await stack.outbox()).length;
    for (const [input, code, message] of cases) {
      const result = await admin()(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
        input: { sector: 'AGENCY', ...input },
      });
      expect({ input: input.code, code: codeOf(result) }).toEqual({ input: input.code, code });
      expect(result.errors?.[0].message).toMatch(message);
    }
    expect((await stack.outbox()).length).toBe(before);
  });

  it('moves a branch with its Party group to another committee and records one event', async () => {
    const before = await stack.outbox();
    const result = await admin()(`mutation($id: ID!, $to: ID!) { moveOrganization(id: $id, newParentId: $to) { parentId ancestorIds } }`, {
      id: branch,
      to: finance,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.moveOrganization).toEqual({ parentId: finance, ancestorIds: [root, finance] });
    const moved = await admin()(`query($id: ID!) { organization(id: $id) { ancestorIds } }`, { id: group });
    expect(moved.data.organization.ancestorIds).toEqual([root, finance, branch]);
    const after = await stack.outbox();
    expect(after.slice(before.length).map((e) => [e.type, e.subject])).toEqual([['organization.moved', branch]]);
    expect(after[after.length - 1].envelope.data).toMatchObject({ fromParentId: transport, toParentId: finance, descendantsMoved: 1 });
    expect(after[after.length - 1].envelope.organizationpath).toEqual([root, finance, branch]);
  });

  it('refuses a move into its own subtree and changes nothing', async () => {
    const before = (await stack.outbox()).length;
    const result = await admin()(`mutation($id: ID!, $to: ID!) { moveOrganization(id: $id, newParentId: $to) { id } }`, {
      id: finance,
      to: finance,
    });
    expect(codeOf(result)).toBe('MOVE_WOULD_CREATE_CYCLE');
    const deeper = await admin()(`mutation($id: ID!, $to: ID!) { moveOrganization(id: $id, newParentId: $to) { id } }`, {
      id: root,
      to: branch,
    });
    expect(['MOVE_WOULD_CREATE_CYCLE', 'PARENT_KIND_NOT_ALLOWED']).toContain(codeOf(deeper));
    const check = await admin()(`query($id: ID!) { organization(id: $id) { parentId } }`, { id: finance });
    expect(check.data.organization.parentId).toBe(root);
    expect((await stack.outbox()).length).toBe(before);
  });

  it('dissolves only an organisation without subordinates, keeping it and its history', async () => {
    const refused = await admin()(`mutation($id: ID!) { dissolveOrganization(id: $id) { status } }`, { id: branch });
    expect(codeOf(refused)).toBe('ORGANIZATION_HAS_CHILDREN');
    expect(refused.errors?.[0].message).toMatch(/still has 1 subordinate/);
    const dissolved = await admin()(`mutation($id: ID!) { dissolveOrganization(id: $id) { status dissolvedOn } }`, { id: group });
    expect(dissolved.data.dissolveOrganization).toEqual({ status: 'DISSOLVED', dissolvedOn: '2026-11-22' });
    const after = await admin()(
      `query($id: ID!, $branch: ID!) {
        organization(id: $id) { status history { items { change } } }
        branch: organization(id: $branch) { children { totalCount } all: children(includeDissolved: true) { totalCount } }
      }`,
      { id: group, branch },
    );
    expect(after.data.organization.status).toBe('DISSOLVED');
    expect(after.data.organization.history.items.map((r: { change: string }) => r.change)).toEqual([
      'organization.dissolved',
      'organization.created',
    ]);
    expect(after.data.branch).toEqual({ children: { totalCount: 0 }, all: { totalCount: 1 } });
    const again = await admin()(`mutation($id: ID!) { updateOrganization(id: $id, input: { name: "新名称" }) { id } }`, { id: group });
    expect(codeOf(again)).toBe('ORGANIZATION_DISSOLVED');
  });

  it('writes exactly one event per change, in the CloudEvents envelope', async () => {
    const events = await stack.outbox();
    const created = events.filter((e) => e.type === 'organization.created');
    expect(created.map((e) => e.subject).sort()).toEqual([root, transport, finance, branch, group].sort());
    const envelope = created.find((e) => e.subject === branch)!.envelope;
    expect(envelope).toMatchObject({
      specversion: '1.0',
      source: 'partybuild/organization',
      type: 'organization.created',
      subject: branch,
      datacontenttype: 'application/json',
      schemaversion: 2,
      organizationid: branch,
      organizationpath: [root, transport, branch],
      organizationpathtext: `${root}/${transport}/${branch}`,
      actor: 'admin',
      data: { organization: { id: branch, code: 'W-JT-01', kind: 'BRANCH' } },
    });
  });
});
