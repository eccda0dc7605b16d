import { Role } from '@partybuild/auth';
import { eventually } from '@partybuild/testing';
import { createEnvelope } from '@partybuild/events';
import { STARS_RATED, starRatingHandlers } from '@partybuild/app-pairing';
import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';
import { dataOf } from '../dev/graphql-client';

const SUGGEST = `query { pairingSuggestions { needing totalScore computedInMs
  suggestions { helper { id name } helped { id name } rule score reason }
  uncovered { organization { id } reason } } }`;
const PROPOSE = `mutation($input: ProposePairInput!, $key: String) {
  proposePair(input: $input, idempotencyKey: $key) { id status kind rule helper { id name } helped { id } termMonths }
}`;

describe('urban–rural pairing through the gateway: profiles, suggestions, the pair lifecycle', () => {
  let stack: TestStack;
  const ids: Record<string, string> = {};
  const admin = () => stack.as(ADMIN, 'zh-CN');
  const ok = async (query: string, variables: Record<string, unknown> = {}) => dataOf(await admin()(query, variables));

  beforeAll(async () => {
    stack = await startTestStack();
    ids.root = await createOrg(stack, { code: 'P', name: '区委', kind: 'WORKING_COMMITTEE' });
    ids.law = await createOrg(stack, {
      code: 'P-1',
      name: '区公安分局党委',
      kind: 'PARTY_COMMITTEE',
      parentId: ids.root,
      departmentCategory: 'POLITICAL_LEGAL',
    });
    ids.econ = await createOrg(stack, {
      code: 'P-2',
      name: '区发改局党委',
      kind: 'PARTY_COMMITTEE',
      parentId: ids.root,
      departmentCategory: 'ECONOMIC',
    });
    ids.mass = await createOrg(stack, {
      code: 'P-3',
      name: '区妇联党组',
      kind: 'PARTY_COMMITTEE',
      parentId: ids.root,
      departmentCategory: 'PARTY_AND_MASS',
    });
    ids.town = await createOrg(stack, { code: 'T', name: '某镇党委', kind: 'PARTY_COMMITTEE', parentId: ids.root, sector: 'RURAL' });
    for (const [key, name] of [
      ['east', '东村党支部'],
      ['west', '西村党支部'],
      ['south', '南村党支部'],
      ['north', '北村党支部'],
      ['gone', '旧村党支部'],
    ]) {
      ids[key] = await createOrg(stack, { code: `T-${key}`, name, kind: 'BRANCH', parentId: ids.town, sector: 'RURAL' });
    }
    await admin()(`mutation($id: ID!) { dissolveOrganization(id: $id) { id } }`, { id: ids.gone });
    const db = stack.services.pairing.dataSource;
    await eventually(
      async () => {
        const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM org_node`);
        const [{ d }] = await db.query(`SELECT count(*)::int AS d FROM org_node WHERE status = 'DISSOLVED'`);
        const [{ c }] = await db.query(`SELECT count(*)::int AS c FROM org_category WHERE department_category IS NOT NULL`);
        return n === 10 && d === 1 && c === 3 ? true : undefined;
      },
      20_000,
      'the pairing service’s copy of the tree',
    );
  }, 90_000);
  afterAll(() => stack?.stop());

  it('suggests the optimal pairs with their reasons once the district has set the profiles', async () => {
    for (const [key, villageType] of [
      ['east', 'DISORDERLY'],
      ['west', 'POOR'],
      ['south', 'WEAK_ORGANIZATION'],
      ['north', 'ORDINARY'],
    ]) {
      const data = await ok(
        `mutation($input: VillageProfileInput!) { setVillageProfile(input: $input) { organizationId villageType facts households } }`,
        { input: { organizationId: ids[key], villageType, facts: ['2025年信访量全镇最高'], population: 1200, households: 400 } },
      );
      expect(data.setVillageProfile).toMatchObject({ villageType, households: 400 });
    }
    const { pairingSuggestions: s } = await ok(SUGGEST);
    expect(s.needing).toBe(3);
    expect(s.totalScore).toBe(30);
    const byHelped = Object.fromEntries(s.suggestions.map((x: any) => [x.helped.id, x]));
    expect(byHelped[ids.east]).toMatchObject({ helper: { id: ids.law, name: '区公安分局党委' }, rule: 'POLITICAL_LEGAL→DISORDERLY' });
    expect(byHelped[ids.west].helper.id).toBe(ids.econ);
    expect(byHelped[ids.south].helper.id).toBe(ids.mass);
    expect(byHelped[ids.east].reason).toContain('综治部门对口乱村');
  });

  it('proposes once per idempotency key, activates, and shows the pair on both organisations', async () => {
    const input = { helperId: ids.law, helpedId: ids.east, rule: 'POLITICAL_LEGAL→DISORDERLY', termMonths: 24 };
    const first = (await ok(PROPOSE, { input, key: 'pair-east-1' })).proposePair;
    const again = (await ok(PROPOSE, { input, key: 'pair-east-1' })).proposePair;
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ status: 'PROPOSED', kind: 'AGENCY_VILLAGE', termMonths: 24, helper: { name: '区公安分局党委' } });
    const active = (
      await ok(`mutation($id: ID!) { activatePair(id: $id, startsOn: "2026-11-01") { status startsOn endsOn } }`, { id: first.id })
    ).activatePair;
    expect(active).toEqual({ status: 'ACTIVE', startsOn: '2026-11-01', endsOn: '2028-10-31' });
    const data = await ok(
      `query($a: ID!, $b: ID!) {
      a: organization(id: $a) { name pairs { id status helped { name } } }
      b: organization(id: $b) { pairingProfile { villageType } pairs { id helper { name } } } }`,
      { a: ids.law, b: ids.east },
    );
    expect(data.a.pairs).toEqual([{ id: first.id, status: 'ACTIVE', helped: { name: '东村党支部' } }]);
    expect(data.b).toEqual({
      pairingProfile: { villageType: 'DISORDERLY' },
      pairs: [{ id: first.id, helper: { name: '区公安分局党委' } }],
    });
    // A village with an open pair no longer needs a suggestion.
    expect((await ok(SUGGEST)).pairingSuggestions.needing).toBe(2);
    const events = (await stack.eventLog()).filter((e) => e.topic === 'partybuild.pairing').map((e) => JSON.parse(e.value).type);
    expect(events).toEqual(expect.arrayContaining(['pairing.profile.set', 'pairing.pair.proposed', 'pairing.pair.activated']));
    expect(events.filter((t) => t === 'pairing.pair.proposed')).toHaveLength(1);
  });

  it('refuses bad pairs with stable codes and Chinese messages, writing nothing', async () => {
    const propose = (input: Record<string, unknown>) => admin()(PROPOSE, { input });
    const self = await propose({ helperId: ids.law, helpedId: ids.law });
    expect(codeOf(self)).toBe('PAIR_WITH_ITSELF');
    expect(self.errors?.[0].message).toContain('不能与自己结对');
    expect(codeOf(await propose({ helperId: ids.law, helpedId: ids.econ }))).toBe('TWO_AGENCIES');
    expect(codeOf(await propose({ helperId: ids.econ, helpedId: ids.gone }))).toBe('ORGANIZATION_DISSOLVED');
    expect(codeOf(await propose({ helperId: ids.econ, helpedId: ids.east }))).toBe('ALREADY_PAIRED');
    await ok(`mutation($id: ID!) { setPairingCapacity(organizationId: $id, capacity: 1) }`, { id: ids.econ });
    expect((await propose({ helperId: ids.econ, helpedId: ids.west })).errors).toBeUndefined();
    const full = await propose({ helperId: ids.econ, helpedId: ids.south });
    expect(codeOf(full)).toBe('CAPACITY_EXCEEDED');
    expect(full.errors?.[0].message).toContain('结对容量为 1');
    expect(codeOf(await admin()(`mutation($id: ID!) { setPairingCapacity(organizationId: $id, capacity: 99) }`, { id: ids.econ }))).toBe(
      'CAPACITY_OUT_OF_RANGE',
    );
    const [{ n }] = await stack.services.pairing.dataSource.query(`SELECT count(*)::int AS n FROM org_pair`);
    expect(n).toBe(2);
  });

  it('keeps a cadre to their own subtree', async () => {
    const cadre = stack.as({ subject: 'cadre-mass', name: '妇联干部', roles: [Role.PARTY_CADRE], scope: [ids.mass] }, 'zh-CN');
    const out = await cadre(PROPOSE, { input: { helperId: ids.law, helpedId: ids.south } });
    expect(codeOf(out)).toBe('FORBIDDEN');
    const member = stack.as({ subject: 'someone', name: '党员', roles: [Role.MEMBER], scope: [] }, 'zh-CN');
    expect(codeOf(await member(SUGGEST))).toBe('FORBIDDEN');
    const lawCadre = stack.as({ subject: 'cadre-law', name: '公安干部', roles: [Role.PARTY_CADRE], scope: [ids.law] }, 'zh-CN');
    const seen = await lawCadre(`query($id: ID!) { organization(id: $id) { pairs { status helped { id } } } }`, { id: ids.law });
    expect(seen.data.organization.pairs).toEqual([{ status: 'ACTIVE', helped: { id: ids.east } }]);
    expect(codeOf(await lawCadre(`mutation($id: ID!) { setPairingCapacity(organizationId: $id, capacity: 3) }`, { id: ids.econ }))).toBe(
      'FORBIDDEN',
    );
  });

  it('suggests strong–weak branch pairs from the year’s star ratings, the weakest first', async () => {
    const db = stack.services.pairing.dataSource;
    const rate = (organizationId: string, stars: number, finalScore: number) =>
      db.transaction((m) =>
        starRatingHandlers[STARS_RATED].handle(
          createEnvelope('assessment', {
            type: STARS_RATED,
            aggregateId: organizationId,
            organizationId,
            organizationPath: [organizationId],
            actor: 'test',
            data: { organizationId, organizationKind: 'BRANCH', year: 2026, stars, finalScore },
          }) as never,
          m,
        ),
      );
    await rate(ids.north, 5, 95);
    await rate(ids.west, 1, 51);
    await rate(ids.south, 2, 68);
    await rate(ids.south, 2, 66.5); // a later rating of the same year replaces the first
    const { branchPairSuggestions } = await ok(`{ branchPairSuggestions(year: 2026) { helper { id } helped { id name } rule reason } }`);
    expect(branchPairSuggestions).toEqual([
      {
        helper: { id: ids.north },
        helped: { id: ids.west, name: '西村党支部' },
        rule: 'STRONG→WEAK',
        reason: expect.stringContaining('5星'),
      },
    ]);
    const [{ final_score }] = await db.query(`SELECT final_score::float8 FROM star_rating WHERE organization_id = $1`, [ids.south]);
    expect(final_score).toBe(66.5);
    const suggested = await ok(
      `query($a: ID!, $b: ID!) { a: organization(id: $a) { suggestedVillageType { villageType facts } } b: organization(id: $b) { suggestedVillageType { villageType facts } } }`,
      {
        a: ids.west,
        b: ids.north,
      },
    );
    // No meeting of either village reached pairing: both also fall short of 三会一课 (judged in pairing-facts.e2e.ts).
    expect(suggested.a.suggestedVillageType.villageType).toBe('WEAK_ORGANIZATION');
    expect(suggested.a.suggestedVillageType.facts[0]).toBe('2026年评星定级为1星（51分），不高于2星');
    expect(suggested.b.suggestedVillageType.facts[0]).toBe('2025-Q4至2026-Q3三会一课落实率0%（应开8次，实开0次），低于60%');
  });
});
