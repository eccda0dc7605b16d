import path from 'node:path';
import { Role } from '@partybuild/auth';
import type { RunningService } from '@partybuild/service';
import { RunningGateway, loadGatewayConfig, startGateway } from '@partybuild/app-gateway';
import { KafkaBroker, startKafkaBroker } from '@partybuild/testing';
import { Kafka, logLevel } from 'kafkajs';
import { DistrictSize, generateRealisticDistrict } from '../generate/realistic-district';
import { mustQuery } from '../dev/graphql-client';
import { SERVICES, urlVariable } from '../dev/services';
import { countEvents } from '../statistics/count-events';
import { STATISTICS_TOPICS } from '../statistics/rebuild';
import { reconcile } from '../statistics/reconcile';
import { settle } from '../statistics/settle';
import { TODAY, TestStack, startTestStack } from './fixtures';

const SIZE: DistrictSize = { committees: 1, generalBranches: 1, branches: 4, partyGroups: 4, members: 60, months: 2 };
const SECOND_TREE_BRANCHES = 10;
const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;

/**
 * Two instances of the organisation service and two of statistics, on one Kafka broker of the
 * test's own (three partitions a topic): the relays take turns, so nothing is published twice;
 * the statistics instances share the partitions through their group; the figures reconcile.
 */
describe('several instances of a service', () => {
  jest.setTimeout(600_000);
  let broker: KafkaBroker;
  let stack: TestStack;
  const extra: RunningService[] = [];
  let gateway2: RunningGateway;
  const admin = { subject: 'generator', name: 'generator', roles: [Role.DISTRICT_ADMIN], scope: [] };

  const second = async (name: string): Promise<RunningService> => {
    const service = SERVICES.find((s) => s.name === name)!;
    const running = await service.start(
      {
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        PORT: '0',
        EVENT_TRANSPORT: 'kafka',
        KAFKA_BROKERS: broker.brokers.join(','),
        DATABASE_URL: stack.databaseUrl(name),
        EVENTS_DATABASE_URL: stack.databaseUrl('events'),
        GATEWAY_SIGNING_SECRET: stack.secrets.GATEWAY_SIGNING_SECRET,
        PERSONAL_DATA_KEY: stack.secrets.PERSONAL_DATA_KEY,
      },
      () => TODAY,
    );
    extra.push(running);
    return running;
  };

  const applied = async (service: RunningService): Promise<number> => {
    const text = await (await fetch(service.url.replace(/\/graphql$/, '/metrics'))).text();
    return Number(/^partybuild_statistics_events_applied_total\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? NaN);
  };

  beforeAll(async () => {
    broker = await startKafkaBroker();
    stack = await startTestStack({ transport: 'kafka', kafkaBrokers: broker.brokers.join(',') });
    const organization2 = await second('organization');
    const statistics2 = await second('statistics');
    gateway2 = await startGateway(
      loadGatewayConfig({
        ...stack.secrets,
        NODE_ENV: 'test',
        LOG_LEVEL: 'silent',
        PORT: '0',
        SUPERGRAPH_PATH: path.resolve(__dirname, '../../apps/gateway/supergraph.graphql'),
        ...Object.fromEntries(Object.entries(stack.services).map(([name, s]) => [urlVariable(name), s.url])),
        ORGANIZATION_URL: organization2.url,
        STATISTICS_URL: statistics2.url,
      }),
    );
  }, 300_000);
  afterAll(async () => {
    await gateway2?.stop();
    for (const service of extra) await service.stop();
    await stack?.stop();
    await broker?.stop();
  });

  it('publishes each event once, shares the partitions between the statistics instances, and the figures reconcile', async () => {
    const token = stack.tokenFor(admin);
    // A district through the first gateway while a second tree is built through the other one:
    // writes land on both organisation instances at the same time.
    const second = async () => {
      const created = await mustQuery(gateway2.url, token, CREATE, {
        input: { code: 'S', name: '第二街道党工委', kind: 'WORKING_COMMITTEE', sector: 'AGENCY' },
      });
      for (let i = 1; i <= SECOND_TREE_BRANCHES; i++) {
        await mustQuery(gateway2.url, token, CREATE, {
          input: {
            code: `S-${i}`,
            name: `第二街道第${i}党支部`,
            kind: 'BRANCH',
            sector: 'AGENCY',
            parentId: created.createOrganization.id,
          },
        });
      }
    };
    await Promise.all([generateRealisticDistrict(stack.gatewayUrl, token, SIZE, { today: TODAY, tag: 'A' }), second()]);
    const [organization2, statistics2] = extra;
    const producers = [stack.services.organization, stack.services.membership, stack.services.activity].map((s) => s.dataSource);
    await settle(producers, stack.services.statistics.dataSource, () =>
      countEvents(STATISTICS_TOPICS, { kind: 'kafka', brokers: broker.brokers }),
    );

    // Every outbox row is on the topic exactly once.
    const [{ n: outboxRows }] = await organization2.dataSource.query(`SELECT count(*)::int AS n FROM outbox`);
    const kafkaAdmin = new Kafka({ clientId: 'scale-out-test', brokers: broker.brokers, logLevel: logLevel.NOTHING }).admin();
    await kafkaAdmin.connect();
    const offsets = await kafkaAdmin.fetchTopicOffsets('partybuild.organization');
    await kafkaAdmin.disconnect();
    expect(offsets).toHaveLength(3);
    expect(offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0)).toBe(outboxRows);

    // Both statistics instances applied events; together each exactly once.
    const [first, secondApplied] = [await applied(stack.services.statistics), await applied(statistics2)];
    process.stdout.write(`scale-out: ${outboxRows} organisation events; statistics instances applied ${first} and ${secondApplied}\n`);
    expect(first).toBeGreaterThan(0);
    expect(secondApplied).toBeGreaterThan(0);
    const [{ n: processed }] = await stack.services.statistics.dataSource.query(`SELECT count(*)::int AS n FROM processed_event`);
    expect(first + secondApplied).toBe(processed);

    const result = await reconcile(
      stack.services.statistics.dataSource.manager,
      {
        organization: stack.databaseUrl('organization'),
        membership: stack.databaseUrl('membership'),
        activity: stack.databaseUrl('activity'),
      },
      '2026',
      TODAY,
    );
    expect(result.organizations).toBe(
      1 + SIZE.committees + SIZE.generalBranches + SIZE.branches + SIZE.partyGroups + 1 + SECOND_TREE_BRANCHES,
    );
    expect(result.differences).toEqual([]);
  });
});
