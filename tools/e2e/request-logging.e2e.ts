import { Writable } from 'node:stream';
import { CALLER_HEADER, signCallerHeader } from '@partybuild/auth';
import { useLogDestination } from '@partybuild/logging';
import { checkCharacter } from '@partybuild/app-membership';
import { eventually } from '@partybuild/testing';
import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';

const ID_NUMBER = (() => {
  const first17 = '11010519850612017';
  return `${first17}${checkCharacter(first17)}`;
})();
const PHONE = '13912345678';
const NAME = '欧阳明月';

/**
 * What the whole stack writes to its logs while members with ID numbers and phones are
 * registered, refused and sent as broken JSON: request ids and codes, never personal data.
 */
describe('request logging', () => {
  let stack: TestStack;
  let branch: string;
  const lines: string[] = [];
  const logs = () => lines.map((l) => JSON.parse(l) as Record<string, any>);

  beforeAll(async () => {
    useLogDestination(
      new Writable({
        write(chunk, _encoding, done) {
          lines.push(...String(chunk).split('\n').filter(Boolean));
          done();
        },
      }) as never,
    );
    stack = await startTestStack({ logLevel: 'info' });
    const root = await createOrg(stack, { code: 'LOG', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    branch = await createOrg(stack, { code: 'LOG-1', name: '第一党支部', kind: 'BRANCH', parentId: root });
    await eventually(
      async () =>
        (await stack.services.membership.dataSource.query(`SELECT 1 FROM org_node WHERE id = $1`, [branch])).length ? true : undefined,
      15_000,
      'the tree to reach the membership service',
    );
  });
  afterAll(async () => {
    await stack?.stop();
    useLogDestination(undefined);
  });

  const register = (requestId: string) =>
    fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.tokenFor(ADMIN)}`, 'x-request-id': requestId },
      body: JSON.stringify({
        query: `mutation Register($input: RegisterMemberInput!) { registerMember(input: $input) { id } }`,
        variables: {
          input: {
            organizationId: branch,
            name: NAME,
            idNumber: ID_NUMBER,
            phone: PHONE,
            category: 'IN_SERVICE',
            stage: 'FULL',
            joinedOn: '2020-01-01',
          },
        },
      }),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));

  it('logs a refused rule once per service with the request id, operation and code, and nothing personal', async () => {
    expect((await register('log-first')).body.errors).toBeUndefined();
    const again = await register('log-again');
    expect(again.body.errors[0].extensions).toMatchObject({ code: 'ID_NUMBER_TAKEN', requestId: 'log-again' });
    const refused = logs().filter((l) => l.requestId === 'log-again' && l.msg === 'request refused');
    expect(refused).toEqual([expect.objectContaining({ service: 'membership', operation: 'Register', code: 'ID_NUMBER_TAKEN' })]);
    expect(lines.join('\n')).not.toMatch(new RegExp(`${ID_NUMBER}|${PHONE}|${NAME}`));
  });

  it('answers broken JSON with a JSON error and status 400, at the gateway and at a subgraph, without logging the body', async () => {
    const broken = `{"query":"mutation { registerMember(input: {name: \\"${NAME}\\", idNumber: \\"${ID_NUMBER}\\", phone: \\"${PHONE}\\"`;
    const atGateway = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'log-broken' },
      body: broken,
    });
    expect(atGateway.status).toBe(400);
    expect(atGateway.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await atGateway.json()) as any;
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'BAD_REQUEST_JSON', requestId: 'log-broken' } });
    expect(body.errors[0].message).toMatch(/不是有效的 JSON/);
    expect(JSON.stringify(body)).not.toMatch(/at |node_modules|<html/i);

    const atSubgraph = await fetch(stack.services.membership.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CALLER_HEADER]: signCallerHeader(ADMIN, stack.secrets.GATEWAY_SIGNING_SECRET) },
      body: broken,
    });
    expect(atSubgraph.status).toBe(400);
    expect(((await atSubgraph.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST_JSON');
    expect(logs().filter((l) => l.requestId === 'log-broken')).toEqual([expect.objectContaining({ code: 'BAD_REQUEST_JSON' })]);
    expect(lines.join('\n')).not.toMatch(new RegExp(`${ID_NUMBER}|${PHONE}|${NAME}`));
  });

  it('refuses a body over MAX_REQUEST_MEGABYTES with 413, its limit in Chinese, and reads nothing of it', async () => {
    const tooLarge = JSON.stringify({ query: '{ __typename }', variables: { csv: 'x'.repeat(17 * 1024 * 1024) } });
    const answer = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.tokenFor(ADMIN)}`, 'x-request-id': 'log-large' },
      body: tooLarge,
    });
    expect(answer.status).toBe(413);
    const body = (await answer.json()) as any;
    expect(body.errors[0]).toMatchObject({ extensions: { code: 'PAYLOAD_TOO_LARGE', requestId: 'log-large' } });
    expect(body.errors[0].message).toMatch(/超过 16 MB 的上限/);
  });

  it('carries one request id from the gateway through the subgraph that answered', async () => {
    const result = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.tokenFor(ADMIN)}`, 'x-request-id': 'log-trace' },
      body: JSON.stringify({ query: `query Missing { organization(id: "00000000-0000-4000-8000-000000000000") { name } }` }),
    });
    expect(result.headers.get('x-request-id')).toBe('log-trace');
    expect(codeOf({ ...((await result.json()) as any), status: 200, sqlQueries: 0 })).toBe('ORGANIZATION_NOT_FOUND');
    const traced = logs().filter((l) => l.requestId === 'log-trace');
    expect(traced.map((l) => l.service)).toContain('organization');
    expect(traced.every((l) => l.operation === 'Missing' || l.msg !== 'request refused')).toBe(true);
  });
});
