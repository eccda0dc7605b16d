import jwt from 'jsonwebtoken';
import { graphql } from '../dev/graphql-client';
import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface InputValue {
  name: string;
  type: TypeRef;
}

const INTROSPECT = `{ __schema {
  queryType { name } mutationType { name }
  types { name kind enumValues { name } inputFields { name type { ...T } } fields { name args { name type { ...T } } type { ...T } } }
} }
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`;

const named = (t: TypeRef): TypeRef => (t.ofType ? named(t.ofType) : t);
const required = (t: TypeRef) => t.kind === 'NON_NULL';
const mentionsId = (t: TypeRef, types: Map<string, any>, seen = new Set<string>()): boolean => {
  const n = named(t);
  if (n.name === 'ID') return true;
  if (n.kind !== 'INPUT_OBJECT' || seen.has(n.name!)) return false;
  seen.add(n.name!);
  return (types.get(n.name!).inputFields as InputValue[]).some((f) => mentionsId(f.type, types, seen));
};

/** A GraphQL literal for a type: every id a code instead of a UUID, everything else plausible. */
function literal(t: TypeRef, types: Map<string, any>): string {
  if (t.kind === 'NON_NULL') return literal(t.ofType!, types);
  if (t.kind === 'LIST') return `[${literal(t.ofType!, types)}]`;
  switch (t.name) {
    case 'ID':
      return '"JG-01"';
    case 'Int':
      return '1';
    case 'Float':
      return '1.5';
    case 'Boolean':
      return 'false';
    case 'LocalDate':
      return '"2026-01-05"';
    case 'String':
      return '"2026"';
  }
  const type = types.get(t.name!);
  if (type.kind === 'ENUM') return type.enumValues[0].name;
  if (type.kind === 'SCALAR') return '"x"';
  const fields = (type.inputFields as InputValue[]).filter((f) => required(f.type) || named(f.type).name === 'ID');
  return `{ ${fields.map((f) => `${f.name}: ${literal(f.type, types)}`).join(', ')} }`;
}

describe('input mistakes are the caller’s, never an internal error', () => {
  let stack: TestStack;
  let root: string;
  const admin = () => stack.as(ADMIN);

  beforeAll(async () => {
    stack = await startTestStack();
    root = await createOrg(stack, { code: 'IN', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
  });
  afterAll(() => stack?.stop());

  it('answers BAD_USER_INPUT naming the argument for an id that is not a UUID, on every query and mutation taking one', async () => {
    const schema = (await admin()(INTROSPECT)).data.__schema;
    const types = new Map<string, any>(schema.types.map((t: any) => [t.name, t]));
    const roots = [schema.queryType.name, schema.mutationType.name].map((name) => [name, types.get(name)] as const);
    const answers: Array<{ field: string; code: unknown; argument: unknown }> = [];
    for (const [rootName, type] of roots) {
      for (const field of type.fields) {
        if (field.name.startsWith('_') || !(field.args as InputValue[]).some((a) => mentionsId(a.type, types))) continue;
        const args = (field.args as InputValue[]).filter((a) => required(a.type) || mentionsId(a.type, types));
        const selection = ['OBJECT', 'INTERFACE', 'UNION'].includes(named(field.type).kind) ? '{ __typename }' : '';
        const operation = rootName === schema.mutationType.name ? 'mutation' : 'query';
        const result = await admin()(
          `${operation} { ${field.name}(${args.map((a) => `${a.name}: ${literal(a.type, types)}`).join(', ')}) ${selection} }`,
        );
        answers.push({ field: field.name, code: codeOf(result), argument: result.errors?.[0]?.extensions?.field });
      }
    }
    expect(answers.length).toBeGreaterThan(30);
    expect(answers.filter((a) => a.code !== 'BAD_USER_INPUT' || typeof a.argument !== 'string')).toEqual([]);
  });

  it('refuses a NUL byte and a forged page cursor as BAD_USER_INPUT', async () => {
    const nul = await admin()(`query($name: String!) { searchOrganizations(name: $name) { totalCount } }`, { name: 'a\u0000b' });
    expect(nul.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name', reason: 'NUL_CHARACTER' });
    const forged = Buffer.from('offset:1e300').toString('base64url');
    const page = await admin()(`query($id: ID!, $after: String) { organizationSubtree(id: $id, after: $after) { totalCount } }`, {
      id: root,
      after: forged,
    });
    expect(page.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('refuses a token whose scope lists an organisation code instead of its id', async () => {
    const token = jwt.sign({ sub: 'c', name: '干部', roles: ['party-cadre'], scope: ['IN'] }, stack.secrets.USER_TOKEN_SECRET, {
      algorithm: 'HS256',
      issuer: 'partybuild',
      audience: 'partybuild-gateway',
      expiresIn: 3600,
    });
    const result = await graphql(
      stack.gatewayUrl,
      token,
      `
        {
          searchOrganizations(name: "区") {
            totalCount
          }
        }
      `,
    );
    expect(result.status).toBe(401);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_SCOPE_INVALID', entry: 'IN' });
  });

  it('answers client errors with HTTP 400: Int overflow (literal and variable), a missing variable', async () => {
    const literal = await admin()(`{ organizationSubtree(id: "${root}", first: 99999999999) { totalCount } }`);
    expect({ status: literal.status, code: codeOf(literal) }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    const variable = await admin()(`query($n: Int!) { organizationSubtree(id: "${root}", first: $n) { totalCount } }`, { n: 99999999999 });
    expect({ status: variable.status, code: codeOf(variable) }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(variable.errors?.[0].message).toMatch(/\$n/);
    const missing = await admin()(`query($id: ID!) { organization(id: $id) { name } }`, {});
    expect({ status: missing.status, code: codeOf(missing) }).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
  });

  it('answers a fragment cycle with a validation error, not a stack overflow', async () => {
    const cyclic = `{ organization(id: "${root}") { ...A } } fragment A on Organization { parent { ...B } } fragment B on Organization { parent { ...A } }`;
    const result = await admin()(cyclic);
    expect({ status: result.status, code: codeOf(result) }).toEqual({ status: 400, code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(result.errors?.[0].message).toMatch(/Cannot spread fragment "A" within itself/);
  });

  it('states a maximum length in the description of every free-text input, and holds text to it', async () => {
    const schema = (
      await admin()(
        INTROSPECT.replace('inputFields { name type', 'inputFields { name description type').replace(
          'args { name type',
          'args { name description type',
        ),
      )
    ).data.__schema;
    // Formatted values, checked by their own rules (a month, a period, a time of day, a digest, a cursor).
    const formatted = new Set(['after', 'period', 'startTime', 'sha256', 'months', 'duesPaidThrough', 'idempotencyKey']);
    const unstated: string[] = [];
    for (const type of schema.types as any[]) {
      if (type.name.startsWith('__')) continue;
      const inputs: Array<[string, any]> = [
        ...((type.inputFields ?? []) as any[]).map((f) => [`${type.name}.${f.name}`, f] as [string, any]),
        ...((type.fields ?? []) as any[]).flatMap((f) =>
          (f.args as any[]).map((a) => [`${type.name}.${f.name}(${a.name})`, a] as [string, any]),
        ),
      ];
      for (const [where, input] of inputs) {
        if (named(input.type).name !== 'String' || formatted.has(input.name)) continue;
        if (!/at most \d+ characters/.test(input.description ?? '')) unstated.push(where);
      }
    }
    expect(unstated).toEqual([]);

    const create = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
    const invisible = await admin()(create, {
      input: { code: 'IN-Z', name: '\u200b\u200c\u2060', kind: 'PARTY_COMMITTEE', sector: 'AGENCY', parentId: root },
    });
    expect(invisible.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'TEXT_ONLY_INVISIBLE', field: 'input.name' });
    const override = await admin()(create, {
      input: { code: 'IN-R', name: '机关\u202e党委', kind: 'PARTY_COMMITTEE', sector: 'AGENCY', parentId: root },
    });
    expect(override.errors?.[0].extensions).toMatchObject({ reason: 'TEXT_CONTROL_CHARACTER' });
    const long = await stack.as(ADMIN, 'zh-CN')(create, {
      input: { code: 'IN-L', name: '党'.repeat(101), kind: 'PARTY_COMMITTEE', sector: 'AGENCY', parentId: root },
    });
    expect(long.errors?.[0].message).toBe('input.name 最多 100 个字，所填为 101 个字。');
  });
});
