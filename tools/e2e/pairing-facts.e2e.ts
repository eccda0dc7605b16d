import { eventually } from '@partybuild/testing';
import { ADMIN, TestStack, createOrg, startTestStack, waitForTree } from './fixtures';
import { dataOf } from '../dev/graphql-client';

const RECORD = `mutation($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`;
const SUGGESTED = `query($id: ID!) { organization(id: $id) {
  suggestedVillageType { villageType facts } pairingProfile { villageType suggestion { villageType facts } } } }`;

/**
 * 弱村 suggested from facts pairing learns from other services' events: meetings recorded in the
 * activity service reach pairing on `partybuild.activity`, and 三会一课 is judged there by the
 * shared definition. Today is 2026-11-22: the window is 2025-Q4 to 2026-Q3.
 */
describe('弱村 suggested from 三会一课 compliance, through the activity service’s events', () => {
  let stack: TestStack;
  const ids: Record<string, string> = {};
  const admin = () => stack.as(ADMIN, 'zh-CN');
  const ok = async (query: string, variables: Record<string, unknown> = {}) => dataOf(await admin()(query, variables));
  const meeting = (organizationId: string, type: string, heldOn: string) =>
    ok(RECORD, {
      input: {
        organizationId,
        type,
        record: { heldOn, topic: `${type} ${heldOn}`, ...(type === 'PARTY_LECTURE' ? { lecturer: { name: '张伟' } } : {}) },
      },
    });

  beforeAll(async () => {
    stack = await startTestStack();
    ids.root = await createOrg(stack, { code: 'F', name: '区委', kind: 'WORKING_COMMITTEE' });
    ids.town = await createOrg(stack, { code: 'F-T', name: '某镇党委', kind: 'PARTY_COMMITTEE', parentId: ids.root, sector: 'RURAL' });
    ids.kept = await createOrg(stack, { code: 'F-T-1', name: '东村党支部', kind: 'BRANCH', parentId: ids.town, sector: 'RURAL' });
    ids.lapsed = await createOrg(stack, { code: 'F-T-2', name: '西村党支部', kind: 'BRANCH', parentId: ids.town, sector: 'RURAL' });
    await waitForTree(stack, Object.values(ids), ['activity']);
    // 东村 held its general meeting and its lecture every quarter; 西村 only in 2026-Q3.
    for (const day of ['2025-11-12', '2026-02-10', '2026-05-14', '2026-08-20']) {
      await meeting(ids.kept, 'GENERAL_MEETING', day);
      await meeting(ids.kept, 'PARTY_LECTURE', day);
    }
    await meeting(ids.lapsed, 'GENERAL_MEETING', '2026-08-21');
    await meeting(ids.lapsed, 'PARTY_LECTURE', '2026-08-21');
    // A themed Party day is no part of 三会一课: it changes nothing.
    await meeting(ids.lapsed, 'THEMED_PARTY_DAY', '2026-05-05');
    const db = stack.services.pairing.dataSource;
    await eventually(
      async () => {
        const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM meeting_held WHERE status = 'HELD'`);
        const [{ t }] = await db.query(`SELECT count(*)::int AS t FROM org_node`);
        return n === 10 && t === 4 ? true : undefined;
      },
      20_000,
      'the meetings to reach the pairing service',
    );
  }, 120_000);
  afterAll(() => stack?.stop());

  it('suggests 弱村 for a village that missed its meetings, naming the quarters and the kinds', async () => {
    const lapsed = (await ok(SUGGESTED, { id: ids.lapsed })).organization;
    expect(lapsed.suggestedVillageType).toEqual({
      villageType: 'WEAK_ORGANIZATION',
      facts: [
        '2025-Q4至2026-Q3三会一课落实率25%（应开8次，实开2次），低于60%',
        '支部党员大会未按规定召开：2025-Q4、2026-Q1、2026-Q2',
        '党课未按规定召开：2025-Q4、2026-Q1、2026-Q2',
      ],
    });
    const kept = (await ok(SUGGESTED, { id: ids.kept })).organization;
    expect(kept.suggestedVillageType).toBeNull();
  });

  it('keeps the type the district set, with the suggestion beside it in the profile', async () => {
    await ok(`mutation($input: VillageProfileInput!) { setVillageProfile(input: $input) { villageType } }`, {
      input: { organizationId: ids.lapsed, villageType: 'ORDINARY', facts: [] },
    });
    const { pairingProfile } = (await ok(SUGGESTED, { id: ids.lapsed })).organization;
    expect(pairingProfile.villageType).toBe('ORDINARY');
    expect(pairingProfile.suggestion.villageType).toBe('WEAK_ORGANIZATION');
    expect(pairingProfile.suggestion.facts[1]).toBe('支部党员大会未按规定召开：2025-Q4、2026-Q1、2026-Q2');
  });

  it('follows a meeting recorded late: the quarter it fills is no longer named', async () => {
    await meeting(ids.lapsed, 'GENERAL_MEETING', '2026-05-30');
    await meeting(ids.lapsed, 'PARTY_LECTURE', '2026-06-02');
    const facts = await eventually(async () => {
      const s = (await ok(SUGGESTED, { id: ids.lapsed })).organization.suggestedVillageType;
      return s?.facts[0].includes('实开4次') ? s.facts : undefined;
    }, 20_000);
    expect(facts).toEqual([
      '2025-Q4至2026-Q3三会一课落实率50%（应开8次，实开4次），低于60%',
      '支部党员大会未按规定召开：2025-Q4、2026-Q1',
      '党课未按规定召开：2025-Q4、2026-Q1',
    ]);
  });
});
