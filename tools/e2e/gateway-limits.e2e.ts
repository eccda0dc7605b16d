import { graphql } from '../dev/graphql-client';
import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';

describe('gateway limits', () => {
  let stack: TestStack;
  let root: string;

  beforeAll(async () => {
    stack = await startTestStack();
    root = await createOrg(stack, { code: 'L', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    const committee = await createOrg(stack, { code: 'L-1', name: '机关党委', kind: 'PARTY_COMMITTEE', parentId: root });
    for (let i = 1; i <= 12; i++) {
      const branch = await createOrg(stack, {
        code: `L-1-${String(i).padStart(2, '0')}`,
        name: `第${i}党支部`,
        kind: 'BRANCH',
        parentId: committee,
      });
      await stack.as(ADMIN)(
        `mutation($id: ID!) { recordElection(input: { organizationId: $id, heldOn: "2025-01-01", committee: [{ personName: "书记${i}", role: SECRETARY }] }) { id } }`,
        { id: branch },
      );
      await createOrg(stack, { code: `L-1-${String(i).padStart(2, '0')}-G`, name: `第${i}党小组`, kind: 'PARTY_GROUP', parentId: branch });
    }
  });
  afterAll(() => stack?.stop());

  it('refuses queries nested deeper than allowed', async () => {
    const deep = `{ organizationByCode(code: "L") ${'{ parent '.repeat(14)}{ id }${' }'.repeat(14)} }`;
    const result = await stack.as(ADMIN)(deep);
    expect(result.errors?.[0].message).toMatch(/nested deeper than the maximum of 12 levels/);
    expect(codeOf(result)).toBe('QUERY_TOO_COMPLEX');
    expect(result.status).toBe(400);
    expect(result.data).toBeUndefined();
  });

  it('refuses too many aliases', async () => {
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: organizationByCode(code: "L") { id }`).join(' ');
    const result = await stack.as(ADMIN)(`{ ${aliases} }`);
    expect(codeOf(result)).toBe('QUERY_TOO_COMPLEX');
    expect(result.status).toBe(400);
    expect(result.errors?.[0].message).toMatch(/more than 30 aliases/);
  });

  it('refuses a query whose page sizes multiply past the cost limit, counting variables', async () => {
    const query = `query($n: Int!) { organizationSubtree(id: "${'00000000-0000-4000-8000-000000000000'}", first: $n) { items { children(first: $n) { items { children(first: $n) { items { id } } } } } } }`;
    const tooCostly = await stack.as(ADMIN)(query, { n: 200 });
    expect(codeOf(tooCostly)).toBe('QUERY_TOO_COMPLEX');
    expect(tooCostly.errors?.[0].message).toMatch(/would cost \d+/);
    expect(tooCostly.status).toBe(400);
    const cheap = await stack.as(ADMIN)(query, { n: 2 });
    expect(codeOf(cheap)).toBe('ORGANIZATION_NOT_FOUND');
  });

  it('costs a constant number of SQL statements whatever the page size (no N+1)', async () => {
    const query = `query($id: ID!, $n: Int!) {
      organizationSubtree(id: $id, first: $n, kinds: [BRANCH]) {
        items { name parent { name } ancestors { code } committee { personName } elections { heldOn } children { items { name } } }
      }
    }`;
    const small = await stack.as(ADMIN)(query, { id: root, n: 2 });
    const large = await stack.as(ADMIN)(query, { id: root, n: 12 });
    expect(small.errors).toBeUndefined();
    expect(large.data.organizationSubtree.items).toHaveLength(12);
    expect(large.data.organizationSubtree.items[11].committee[0].personName).toMatch(/书记/);
    expect(large.sqlQueries).toBeGreaterThan(0);
    expect(large.sqlQueries).toBe(small.sqlQueries);
  });

  it("answers a missing variable as the caller's mistake", async () => {
    const result = await stack.as(ADMIN)(`query($id: ID!) { organization(id: $id) { name } }`, {});
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].message).toMatch(/Variable "\$id" of required type "ID!" was not provided/);
  });

  it('suggests field names during development', async () => {
    const typo = await stack.as(ADMIN)(`{ organizationByCod(code: "L") { id } }`);
    expect(typo.errors?.[0].message).toMatch(/Did you mean "organizationByCode"/);
  });

  describe('in production mode', () => {
    let production: TestStack;
    beforeAll(async () => {
      production = await startTestStack({ nodeEnv: 'production' });
    });
    afterAll(() => production?.stop());

    it('answers no introspection and suggests no field names', async () => {
      const introspection = await production.as(ADMIN)(`{ __schema { types { name } } }`);
      expect(introspection.errors?.[0].message).toMatch(/introspection/i);
      const typo = await graphql(
        production.gatewayUrl,
        production.tokenFor(ADMIN),
        `
          {
            organizationByCod(code: "L") {
              id
            }
          }
        `,
      );
      expect(typo.errors?.[0].message).toMatch(/Cannot query field/);
      expect(typo.errors?.[0].message).not.toMatch(/Did you mean/);
    });
  });
});
