import { seedDemoDistrict } from '../seed/demo-district';
import { seedDemoPairing } from '../seed/demo-pairing';
import { eventually } from '@partybuild/testing';
import { ADMIN, TestStack, startTestStack } from './fixtures';

/** What a newcomer finds after `npm start`: suggestions with reasons, one active pair and its work. */
describe('the demo district’s urban–rural pairing through the gateway', () => {
  let stack: TestStack;
  const admin = () => stack.as(ADMIN, 'zh-CN');

  beforeAll(async () => {
    stack = await startTestStack();
    await seedDemoDistrict(stack.gatewayUrl, stack.tokenFor(ADMIN));
    await seedDemoPairing(stack.gatewayUrl, stack.tokenFor(ADMIN));
  }, 300_000);
  afterAll(() => stack?.stop());

  it('suggests partners for the villages still without one, each with its reason, and activates one', async () => {
    const { data, errors } = await admin()(`{ pairingSuggestions { needing totalScore
      suggestions { helper { code } helped { code } rule reason } uncovered { organization { code } reason } } }`);
    expect(errors).toBeUndefined();
    const s = data.pairingSuggestions;
    expect(s.needing).toBe(2);
    const byVillage = Object.fromEntries(s.suggestions.map((x: any) => [x.helped.code, x]));
    expect(byVillage['HC-QT-HL']).toMatchObject({
      rule: 'POLITICAL_LEGAL→DISORDERLY',
      reason: expect.stringContaining('综治部门对口乱村'),
    });
    expect(['HC-ZF', 'HC-ZF-01', 'HC-ZF-02']).toContain(byVillage['HC-QT-HL'].helper.code);
    // No Party-and-mass agency in the demo: the weak community still gets a partner, by the fallback rule.
    expect(byVillage['HC-QT-SQ-01']).toMatchObject({ rule: 'FALLBACK' });
    const hl = byVillage['HC-QT-HL'];
    const ids = await admin()(
      `query($a: String!, $b: String!) { a: organizationByCode(code: $a) { id } b: organizationByCode(code: $b) { id } }`,
      {
        a: hl.helper.code,
        b: 'HC-QT-HL',
      },
    );
    const proposed = await admin()(`mutation($input: ProposePairInput!) { proposePair(input: $input) { id } }`, {
      input: { helperId: ids.data.a.id, helpedId: ids.data.b.id, rule: hl.rule, reason: hl.reason },
    });
    const activated = await admin()(`mutation($id: ID!) { activatePair(id: $id) { status startsOn } }`, {
      id: proposed.data.proposePair.id,
    });
    expect(activated.data.activatePair).toEqual({ status: 'ACTIVE', startsOn: '2026-11-22' });
  });

  it('shows the seeded work in the district’s pairing summary and the agency’s overdue list', async () => {
    const { data, errors } = await admin()(`{
      district: organizationByCode(code: "HC") { pairingSummary(period: "2026") {
        activePairs services funds wishesFulfilled householdsVisited problemsCollected problemsResolved problemsOverdue } }
      jt: organizationByCode(code: "HC-JT") { pairs { status helped { name } services { totalCount } } }
    }`);
    expect(errors).toBeUndefined();
    expect(data.district.pairingSummary).toEqual({
      activePairs: 2,
      services: 1,
      funds: 12000,
      wishesFulfilled: 1,
      householdsVisited: 3,
      problemsCollected: 2,
      problemsResolved: 1,
      problemsOverdue: 1,
    });
    expect(data.jt.pairs).toEqual([{ status: 'ACTIVE', helped: { name: '钱塘镇大柱村党支部' }, services: { totalCount: 1 } }]);
  });

  it('gives the statistics the same pairing figures for the district, from the pairing events', async () => {
    const figures = await eventually(
      async () => {
        const { data } = await admin()(`{ organizationByCode(code: "HC") { statistics(period: "2026") { pairing {
          activePairs services fundsYuan wishesFulfilled householdsVisited problemsCollected problemsResolved problemsOverdue } } } }`);
        const p = data?.organizationByCode.statistics.pairing;
        return p && p.activePairs === 2 && p.problemsCollected === 2 ? p : undefined;
      },
      20_000,
      'the pairing events to reach the statistics',
    );
    expect(figures).toEqual({
      activePairs: 2,
      services: 1,
      fundsYuan: 12000,
      wishesFulfilled: 1,
      householdsVisited: 3,
      problemsCollected: 2,
      problemsResolved: 1,
      problemsOverdue: 1,
    });
  });
});
