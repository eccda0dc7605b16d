import { graphql } from '../dev/graphql-client';
import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';

/** Refusals are worded in Chinese for district users, in English for a caller who asks, and carry the request id. */
describe('language of refusals', () => {
  let stack: TestStack;
  let branch: string;
  const register = `mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }`;
  const badId = { name: '张三', idNumber: '11010519491231002', category: 'IN_SERVICE' };

  beforeAll(async () => {
    stack = await startTestStack();
    const root = await createOrg(stack, { code: 'LANG', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    branch = await createOrg(stack, { code: 'LANG-1', name: '第一党支部', kind: 'BRANCH', parentId: root });
  });
  afterAll(() => stack?.stop());

  it('answers a subgraph refusal in Chinese by default, naming the rule and the limit', async () => {
    const result = await stack.as(ADMIN, '')(register, { input: { ...badId, organizationId: branch } });
    expect(codeOf(result)).toBe('ID_NUMBER_INVALID');
    expect(result.errors?.[0].message).toBe('身份证号无效：应为 18 位，所填为 17 位。');
    expect(result.errors?.[0].extensions?.field).toBe('idNumber');
  });

  it('answers in English when accept-language prefers it (forwarded by the gateway)', async () => {
    const result = await stack.as(ADMIN, 'en-GB,en;q=0.9')(register, { input: { ...badId, organizationId: branch } });
    expect(result.errors?.[0].message).toBe('The ID number (身份证号) is not valid: it has 17 characters instead of 18.');
    const chinese = await stack.as(ADMIN, 'zh-CN,zh;q=0.9,en;q=0.8')(register, { input: { ...badId, organizationId: branch } });
    expect(chinese.errors?.[0].message).toMatch(/^身份证号无效/);
  });

  it("words the gateway's own refusals (sign-in, limits) the same way", async () => {
    const query = `{ searchOrganizations(name: "区") { totalCount } }`;
    const zh = await graphql(stack.gatewayUrl, null, query);
    expect(zh.status).toBe(401);
    expect(zh.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^请先登录/), extensions: { code: 'UNAUTHENTICATED' } });
    const en = await graphql(stack.gatewayUrl, null, query, {}, { 'accept-language': 'en' });
    expect(en.errors?.[0].message).toMatch(/^Please sign in/);
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: searchOrganizations(name: "区") { totalCount }`).join(' ');
    const tooMany = await stack.as(ADMIN, '')(`{ ${aliases} }`);
    expect(tooMany.errors?.[0].message).toBe('查询使用的别名超过 30 个的上限，请拆分为多个较小的查询。');
  });

  it('returns the request id in every error: the one sent, or a new one', async () => {
    const query = `{ organization(id: "00000000-0000-4000-8000-000000000000") { name } }`;
    const token = stack.tokenFor(ADMIN);
    const sent = await graphql(stack.gatewayUrl, token, query, {}, { 'x-request-id': 'req-test-42' });
    expect(sent.errors?.[0].extensions).toMatchObject({ code: 'ORGANIZATION_NOT_FOUND', requestId: 'req-test-42' });
    const made = await graphql(stack.gatewayUrl, token, query);
    expect(made.errors?.[0].extensions?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
