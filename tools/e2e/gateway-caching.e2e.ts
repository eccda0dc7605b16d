import { createHash } from 'node:crypto';
import { Caller, Role, issueUserToken } from '@partybuild/auth';
import { graphql } from '../dev/graphql-client';
import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';

/**
 * What the gateway keeps between requests (verified tokens, signed caller headers, query
 * costs, persisted queries) and shares between them (identical reads in flight) must never
 * answer one request with what belongs to another.
 */
let stack: TestStack;
let branch: string;
let analyst: Caller;

beforeAll(async () => {
  stack = await startTestStack();
  const root = await createOrg(stack, { code: 'C', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
  branch = await createOrg(stack, { code: 'C-01', name: '统计局机关党支部', kind: 'BRANCH', parentId: root });
  analyst = { subject: 'analyst', name: '统计分析', roles: [Role.ANALYST], scope: [root] };
});
afterAll(() => stack?.stop());

const NAME = `query($id: ID!) { organization(id: $id) { name } }`;
const MEMBERS = `query($id: ID!) { organization(id: $id) { name members(first: 5) { totalCount items { name } } } }`;

describe('what the gateway keeps between requests', () => {
  it('refuses a token once it has expired, though it was accepted before', async () => {
    const token = issueUserToken(ADMIN, stack.secrets.USER_TOKEN_SECRET, 2);
    const first = await graphql(stack.gatewayUrl, token, NAME, { id: branch });
    expect(first.data?.organization.name).toBe('统计局机关党支部');
    const { exp } = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp: number };
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 200));
    const later = await graphql(stack.gatewayUrl, token, NAME, { id: branch }, { 'accept-language': 'en' });
    expect(later.status).toBe(401);
    expect(codeOf(later)).toBe('UNAUTHENTICATED');
    expect(later.errors?.[0].message).toMatch(/expired/);
  });

  it('refuses a token whose signature was altered after the genuine one was accepted', async () => {
    const token = stack.tokenFor(ADMIN);
    expect((await graphql(stack.gatewayUrl, token, NAME, { id: branch })).data?.organization.name).toBe('统计局机关党支部');
    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    const refused = await graphql(stack.gatewayUrl, forged, NAME, { id: branch });
    expect(refused.status).toBe(401);
    expect(refused.data).toBeFalsy();
  });

  it('answers identical reads sent at the same moment by different callers each as their own', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => stack.as(i % 2 ? analyst : ADMIN)(MEMBERS, { id: branch })),
    );
    answers.forEach((answer, i) => {
      if (i % 2) {
        // Analysts see no member lists: the administrator's answer in flight must not reach them.
        expect(codeOf(answer)).toBe('FORBIDDEN');
        expect(answer.data?.organization?.members ?? null).toBeNull();
      } else {
        expect(answer.errors).toBeUndefined();
        expect(answer.data.organization.members.totalCount).toBe(0);
      }
    });
  });

  it('checks the cost of a remembered document again with each request’s page size', async () => {
    const query = `query($id: ID!, $n: Int!) { organization(id: $id) { members(first: $n) { items { name } } } }`;
    expect((await stack.as(ADMIN)(query, { id: branch, n: 10 })).errors).toBeUndefined();
    expect(codeOf(await stack.as(ADMIN)(query, { id: branch, n: 100_000 }))).toBe('QUERY_TOO_COMPLEX');
    expect((await stack.as(ADMIN)(query, { id: branch, n: 10 })).errors).toBeUndefined();
  });

  it('serves automatic persisted queries: the hash alone once the query has been sent with it', async () => {
    const sha256Hash = createHash('sha256').update(NAME).digest('hex');
    const send = async (body: Record<string, unknown>) => {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.tokenFor(ADMIN)}` },
        body: JSON.stringify({ variables: { id: branch }, extensions: { persistedQuery: { version: 1, sha256Hash } }, ...body }),
      });
      return (await response.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> };
    };
    expect((await send({})).errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await send({ query: NAME })).data.organization.name).toBe('统计局机关党支部');
    expect((await send({})).data.organization.name).toBe('统计局机关党支部');
  });
});

describe('answers on the wire', () => {
  const post = (query: string, encoding: string) =>
    fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.tokenFor(ADMIN)}`, 'accept-encoding': encoding },
      body: JSON.stringify({ query }),
    });
  const LARGE = `{ __schema { types { name description } } }`;

  it('gzips a large answer for a client that accepts gzip, and only then', async () => {
    const compressed = await post(LARGE, 'gzip');
    expect(compressed.headers.get('content-encoding')).toBe('gzip');
    expect(((await compressed.json()) as any).data.__schema.types.length).toBeGreaterThan(50);
    const plain = await post(LARGE, 'identity');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(((await plain.json()) as any).data.__schema.types.length).toBeGreaterThan(50);
  });

  it('sends a small answer as it is', async () => {
    const small = await post(`{ __typename }`, 'gzip');
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(((await small.json()) as any).data.__typename).toBe('Query');
  });
});
