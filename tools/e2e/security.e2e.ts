import { CALLER_HEADER, Role, signCallerHeader, issueUserToken } from '@partybuild/auth';
import { graphql } from '../dev/graphql-client';
import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';

describe('who may do what', () => {
  let stack: TestStack;
  let root: string, committee: string, branchA: string, branchB: string;

  beforeAll(async () => {
    stack = await startTestStack();
    root = await createOrg(stack, { code: 'S', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    committee = await createOrg(stack, { code: 'S-1', name: '区教委机关党委', kind: 'PARTY_COMMITTEE', parentId: root });
    branchA = await createOrg(stack, { code: 'S-1-A', name: '区教委第一党支部', kind: 'BRANCH', parentId: committee });
    branchB = await createOrg(stack, { code: 'S-1-B', name: '区教委第二党支部', kind: 'BRANCH', parentId: committee });
  });
  afterAll(() => stack?.stop());

  const cadreOfA = () => ({ subject: 'cadre-a', name: '支部书记', roles: [Role.PARTY_CADRE], scope: [branchA] });

  it('lets a branch cadre read and change their own branch only', async () => {
    const as = stack.as(cadreOfA());
    expect((await as(`query($id: ID!) { organization(id: $id) { code } }`, { id: branchA })).data.organization.code).toBe('S-1-A');
    const other = await as(`query($id: ID!) { organization(id: $id) { code } }`, { id: branchB });
    expect(codeOf(other)).toBe('FORBIDDEN');
    expect(other.errors?.[0].message).toMatch(/outside the organisations you are responsible for/);
    const up = await as(`query($id: ID!) { organization(id: $id) { code } }`, { id: committee });
    expect(codeOf(up)).toBe('FORBIDDEN');
    const rename = await as(`mutation($id: ID!) { updateOrganization(id: $id, input: { name: "改名" }) { id } }`, { id: branchB });
    expect(codeOf(rename)).toBe('FORBIDDEN');
    const create = await as(
      `mutation($p: ID!) { createOrganization(input: { code: "S-1-C", name: "新支部", kind: BRANCH, sector: AGENCY, parentId: $p }) { id } }`,
      { p: committee },
    );
    expect(codeOf(create)).toBe('FORBIDDEN');
    const group = await as(
      `mutation($p: ID!) { createOrganization(input: { code: "S-1-A-G", name: "党小组", kind: PARTY_GROUP, sector: AGENCY, parentId: $p }) { id } }`,
      { p: branchA },
    );
    expect(group.errors).toBeUndefined();
  });

  it("limits search and subtree to the caller's scope", async () => {
    const as = stack.as(cadreOfA());
    const found = await as(`{ searchOrganizations(name: "区教委") { items { code } } }`);
    expect(found.data.searchOrganizations.items.map((o: { code: string }) => o.code)).toEqual(['S-1-A']);
    const subtree = await as(`query($id: ID!) { organizationSubtree(id: $id) { totalCount } }`, { id: committee });
    expect(codeOf(subtree)).toBe('FORBIDDEN');
  });

  it('does not let a member or analyst change the tree', async () => {
    const member = stack.as({ subject: 'm', name: '党员', roles: [Role.MEMBER], scope: [branchA] });
    const result = await member(`mutation($id: ID!) { updateOrganization(id: $id, input: { name: "改名" }) { id } }`, { id: branchA });
    expect(codeOf(result)).toBe('FORBIDDEN');
  });

  it('refuses a request without a token, with a forged token, or with garbage', async () => {
    const query = `{ searchOrganizations(name: "区") { totalCount } }`;
    const none = await graphql(stack.gatewayUrl, null, query);
    expect(none.status).toBe(401);
    expect(codeOf(none)).toBe('UNAUTHENTICATED');
    const forged = await graphql(stack.gatewayUrl, issueUserToken(ADMIN, 'x'.repeat(64)), query);
    expect(forged.status).toBe(401);
    expect(codeOf(forged)).toBe('UNAUTHENTICATED');
    const garbage = await graphql(stack.gatewayUrl, 'not-a-token', query);
    expect(codeOf(garbage)).toBe('UNAUTHENTICATED');
  });

  it('has subgraphs refuse requests that did not come through the gateway', async () => {
    const body = JSON.stringify({ query: `{ searchOrganizations(name: "区") { totalCount } }` });
    const direct = await fetch(stack.services.organization.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(direct.status).toBe(401);
    expect(((await direct.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const forgedHeader = signCallerHeader(ADMIN, 'y'.repeat(64));
    const forged = await fetch(stack.services.organization.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: forgedHeader },
      body,
    });
    expect(forged.status).toBe(401);
    const userTokenAsHeader = stack.tokenFor(ADMIN);
    const replayed = await fetch(stack.services.organization.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: userTokenAsHeader },
      body,
    });
    expect(replayed.status).toBe(401);
    const genuine = signCallerHeader(ADMIN, stack.secrets.GATEWAY_SIGNING_SECRET);
    const ok = await fetch(stack.services.organization.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: genuine },
      body,
    });
    expect(ok.status).toBe(200);
  });
});
