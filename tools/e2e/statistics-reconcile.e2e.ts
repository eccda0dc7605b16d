import { Role } from '@partybuild/auth';
import { EmbeddedTransport } from '@partybuild/events';
import { createLogger } from '@partybuild/logging';
import { parsePeriod } from '@partybuild/calendar';
import { computeFigures } from '@partybuild/app-statistics';
import { SMALL_DISTRICT, generateRealisticDistrict } from '../generate/realistic-district';
import { countEvents } from '../statistics/count-events';
import { STATISTICS_TOPICS, rebuildStatistics } from '../statistics/rebuild';
import { reconcile } from '../statistics/reconcile';
import { settle } from '../statistics/settle';
import { TODAY, TestStack, startTestStack } from './fixtures';

describe('statistics of a generated district', () => {
  let stack: TestStack;
  let total: number;
  const admin = { subject: 'generator', name: 'generator', roles: [Role.DISTRICT_ADMIN], scope: [] };

  beforeAll(async () => {
    stack = await startTestStack();
    const district = await generateRealisticDistrict(stack.gatewayUrl, stack.tokenFor(admin), SMALL_DISTRICT, { today: TODAY, tag: 'Q' });
    expect(district.activities).toBeGreaterThan(0);
    const { organization, membership, activity, statistics } = stack.services;
    total = await settle(
      [organization, membership, activity].map((service) => service.dataSource),
      statistics.dataSource,
      () => countEvents(STATISTICS_TOPICS, { kind: 'embedded', eventsUrl: stack.databaseUrl('events') }),
    );
  }, 180_000);
  afterAll(() => stack?.stop());

  it("equals what counting the services' own records gives, for every organisation", async () => {
    const sources = {
      organization: stack.databaseUrl('organization'),
      membership: stack.databaseUrl('membership'),
      activity: stack.databaseUrl('activity'),
    };
    const result = await reconcile(stack.services.statistics.dataSource.manager, sources, '2026', TODAY);
    expect(result.organizations).toBe(
      1 + SMALL_DISTRICT.committees + SMALL_DISTRICT.generalBranches + SMALL_DISTRICT.branches + SMALL_DISTRICT.partyGroups,
    );
    expect(result.differences).toEqual([]);
  });

  it('rebuilds the same figures from the topics', async () => {
    const logger = createLogger('rebuild-test', 'silent');
    const transport = new EmbeddedTransport(stack.databaseUrl('events'), logger);
    const rebuilt = await rebuildStatistics({ databaseUrl: stack.databaseUrl('statistics_again'), transport, logger, target: total });
    try {
      const ids: string[] = (await stack.services.statistics.dataSource.query(`SELECT id FROM org_node`)).map((r: { id: string }) => r.id);
      const period = parsePeriod('2026');
      const live = await computeFigures(stack.services.statistics.dataSource.manager, ids, period, TODAY);
      const again = await computeFigures(rebuilt.dataSource.manager, ids, period, TODAY);
      expect(ids.filter((id) => JSON.stringify(live.get(id)) !== JSON.stringify(again.get(id)))).toEqual([]);
      const districtMembers = [...live.values()].reduce((max, f) => Math.max(max, f.members.total), 0);
      expect(districtMembers).toBe(SMALL_DISTRICT.members);
    } finally {
      await rebuilt.dataSource.destroy();
      await transport.close();
    }
  });
});
