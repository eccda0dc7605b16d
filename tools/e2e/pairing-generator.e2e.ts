import { SMALL_PAIRING, generatePairingDistrict } from '../generate/pairing-district';
import { ADMIN, TODAY, TestStack, startTestStack } from './fixtures';

/**
 * The pairing district generator (the Liwan scale: `LIWAN_PAIRING`, 55 agencies, 212 communities,
 * 250 000 visits, 10 000 problems) at a small size, through the gateway: every organisation,
 * member, profile, visit and problem arrives through the services' APIs and events.
 */
describe('the pairing district generator, through the APIs', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  }, 60_000);
  afterAll(() => stack?.stop());

  it('makes the agencies, communities, members, visits and problems it was asked for, the earlier problems overdue', async () => {
    const district = await generatePairingDistrict(stack.gatewayUrl, stack.tokenFor(ADMIN), SMALL_PAIRING, { today: TODAY, tag: 'GEN' });
    expect(district).toMatchObject({
      members: (SMALL_PAIRING.agencies + SMALL_PAIRING.communities) * SMALL_PAIRING.membersPerBranch,
      visits: SMALL_PAIRING.visits,
      problems: SMALL_PAIRING.problems,
    });
    const db = stack.services.pairing.dataSource;
    const [counts] = await db.query(
      `SELECT (SELECT count(*) FROM household_visit)::int AS visits, (SELECT count(*) FROM problem)::int AS problems,
              (SELECT count(*) FROM village_profile)::int AS profiles, (SELECT count(*) FROM agency_capacity)::int AS capacities,
              (SELECT count(*) FROM org_category WHERE department_category IS NOT NULL)::int AS categories`,
    );
    expect(counts).toEqual({
      visits: SMALL_PAIRING.visits,
      problems: SMALL_PAIRING.problems,
      profiles: SMALL_PAIRING.communities,
      capacities: SMALL_PAIRING.agencies,
      categories: SMALL_PAIRING.agencies,
    });
    const overdue = await stack.as(ADMIN)(`query($a: ID!) { overdueProblems(assigneeId: $a) { totalCount } }`, {
      a: district.communities[0].id,
    });
    expect(overdue.errors).toBeUndefined();
    expect(overdue.data.overdueProblems.totalCount).toBeGreaterThan(0);
  }, 120_000);
});
