import { todayIn } from '@partybuild/calendar';
import { EmbeddedTransport } from '@partybuild/events';
import { createLogger } from '@partybuild/logging';
import { parsePeriod } from '@partybuild/calendar';
import { computeFigures } from '@partybuild/app-statistics';
import { eventually } from '@partybuild/testing';
import { rebuildStatistics, STATISTICS_TOPICS } from '../statistics/rebuild';
import { countEvents } from '../statistics/count-events';
import { reconcile } from '../statistics/reconcile';
import { ADMIN, TestStack, createOrg, startTestStack } from './fixtures';
import { memberSnapshot, membershipEvent } from './statistics-fixtures';

describe('rebuilding and reconciling the statistics', () => {
  let stack: TestStack;
  let ids: string[];
  const today = todayIn('Asia/Shanghai');

  beforeAll(async () => {
    stack = await startTestStack();
    const root = await createOrg(stack, { code: 'R', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    const a = await createOrg(stack, { code: 'R-A', name: '甲党委', kind: 'PARTY_COMMITTEE', parentId: root });
    const b = await createOrg(stack, { code: 'R-B', name: '乙党委', kind: 'PARTY_COMMITTEE', parentId: root });
    const branch = await createOrg(stack, { code: 'R-A-1', name: '甲一支部', kind: 'BRANCH', parentId: a });
    await createOrg(stack, { code: 'R-A-1-G', name: '党小组', kind: 'PARTY_GROUP', parentId: branch });
    const members = Array.from({ length: 6 }, (_, i) => memberSnapshot(branch, { gender: i % 2 ? 'MALE' : 'FEMALE' }));
    const registered = members.map((m) => membershipEvent('membership.member.registered', m));
    await stack.publish([...registered, registered[0], registered[3]]);
    await stack.as(ADMIN)(`mutation($id: ID!, $to: ID!) { moveOrganization(id: $id, newParentId: $to) { id } }`, { id: branch, to: b });
    ids = [root, a, b, branch];
    await eventually(
      async () => {
        const f = await computeFigures(stack.services.statistics.dataSource.manager, [b], parsePeriod('2026'), today);
        return f.get(b)!.members.total === 6 && f.get(b)!.organizationsByKind.length === 3 ? true : undefined;
      },
      15_000,
      'the statistics to catch up',
    );
  });
  afterAll(() => stack?.stop());

  it('rebuilds identical figures from the topics, counting every event', async () => {
    const eventsUrl = stack.databaseUrl('events');
    const target = await countEvents(STATISTICS_TOPICS, { kind: 'embedded', eventsUrl });
    const transport = new EmbeddedTransport(eventsUrl, createLogger('rebuild-test', 'silent'));
    const progress: number[] = [];
    const rebuilt = await rebuildStatistics({
      databaseUrl: stack.databaseUrl('statistics_rebuilt'),
      transport,
      logger: createLogger('rebuild-test', 'silent'),
      target,
      onProgress: (seen) => progress.push(seen),
    });
    try {
      expect(rebuilt.events).toBe(target);
      expect(progress[progress.length - 1]).toBe(target);
      const period = parsePeriod('2026');
      const live = await computeFigures(stack.services.statistics.dataSource.manager, ids, period, today);
      const again = await computeFigures(rebuilt.dataSource.manager, ids, period, today);
      for (const id of ids) expect(again.get(id)).toEqual(live.get(id));
      expect(again.get(ids[0])!.members.total).toBe(6);
    } finally {
      await rebuilt.dataSource.destroy();
      await transport.close();
    }
  });

  it('finds no difference between the statistics and the organisation records, and reports one when there is', async () => {
    const sources = { organization: stack.databaseUrl('organization') };
    const clean = await reconcile(stack.services.statistics.dataSource.manager, sources, '2026', today);
    expect(clean.organizations).toBe(5);
    expect(clean.differences).toEqual([]);
    // Damage the statistics' copy of the tree: the reconciliation must notice.
    await stack.services.statistics.dataSource.query(`UPDATE org_node SET status = 'DISSOLVED' WHERE code = 'R-A-1-G'`);
    const damaged = await reconcile(stack.services.statistics.dataSource.manager, sources, '2026', today);
    expect(damaged.differences).toEqual(
      expect.arrayContaining([expect.objectContaining({ figure: 'organizationsByKind.PARTY_GROUP', source: 1, statistics: 0 })]),
    );
  });
});
