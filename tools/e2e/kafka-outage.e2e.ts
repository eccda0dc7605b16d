import os from 'node:os';
import { Client } from 'pg';
import { KafkaTransport } from '@partybuild/events';
import { createLogger } from '@partybuild/logging';
import { KafkaBroker, eventually, startKafkaBroker } from '@partybuild/testing';
import { STATISTICS_TOPICS } from '../statistics/rebuild';
import { TestStack, createOrg, startTestStack } from './fixtures';

/**
 * The broker down while the services start and take writes: on a broker of its own, so that
 * it can be stopped and started again without touching anyone else's.
 */
describe('a Kafka outage', () => {
  jest.setTimeout(180_000);
  let broker: KafkaBroker;
  let stack: TestStack | undefined;

  beforeAll(async () => {
    broker = await startKafkaBroker();
    // A broker that returns from an outage already hosts the platform's topics and the group
    // offsets topic: make them now, so the measurement below is the return, not a first start.
    const transport = new KafkaTransport({ brokers: broker.brokers, clientId: 'outage-setup', logger: createLogger('outage', 'silent') });
    await transport.ensureTopics([...STATISTICS_TOPICS, 'partybuild.setup']);
    const inbox: unknown[] = [];
    const warmUp = await transport.subscribe({
      groupId: 'outage-setup',
      topics: ['partybuild.setup'],
      fromBeginning: true,
      handleBatch: async (records) => void inbox.push(...records),
    });
    // A topic just created may not have its leader known to every broker connection yet.
    await eventually(
      () =>
        transport.publish([{ topic: 'partybuild.setup', key: 'k', value: 'v' }]).then(
          () => true,
          () => undefined,
        ),
      30_000,
      'the set-up topic to take a message',
    );
    await eventually(async () => (inbox.length ? true : undefined), 60_000, 'the set-up consumer');
    await warmUp.stop();
    await transport.close();
    await broker.stop();
  });
  afterAll(async () => {
    await stack?.stop();
    await broker?.stop();
  });

  const readiness = async (service: string) => {
    const response = await fetch(stack!.services[service].url.replace(/\/graphql$/, '/readyz'));
    return { status: response.status, body: (await response.json()) as { status: string; degraded?: string[] } };
  };

  it('does not stop the services from starting and taking writes; the figures catch up within seconds of its return', async () => {
    const started = Date.now();
    stack = await startTestStack({ transport: 'kafka', kafkaBrokers: broker.brokers.join(',') });
    const startSeconds = (Date.now() - started) / 1000;

    const statistics = await readiness('statistics');
    expect(statistics.status).toBe(200);
    expect(statistics.body.degraded?.join(' ')).toMatch(/consumer group statistics .*waiting for Kafka/);

    const id = await createOrg(stack, { code: 'OUT', name: '停电期间成立的党委', kind: 'PARTY_COMMITTEE' });
    await eventually(
      async () =>
        (await readiness('organization')).body.degraded?.some((d) => d.startsWith('outbox relay cannot publish')) ? true : undefined,
      15_000,
      'readiness naming the relay',
    );
    const [pending] = await stack.services.organization.dataSource.query(`SELECT published_at FROM outbox WHERE message_key = $1`, [id]);
    expect(pending.published_at).toBeNull();

    await broker.start();
    const back = Date.now();
    const published = eventually(
      async () => {
        const [row] = await stack!.services.organization.dataSource.query(`SELECT published_at FROM outbox WHERE message_key = $1`, [id]);
        return row.published_at ? Date.now() : undefined;
      },
      60_000,
      'the outbox row published',
    );
    const client = new Client({ connectionString: stack.databaseUrl('statistics') });
    await client.connect();
    try {
      await eventually(
        async () => ((await client.query('SELECT 1 FROM org_node WHERE id = $1', [id])).rowCount ? true : undefined),
        60_000,
        'the organisation in the statistics',
      );
    } finally {
      await client.end();
    }
    const catchUpSeconds = (Date.now() - back) / 1000;
    const publishSeconds = ((await published) - back) / 1000;
    process.stdout.write(
      `kafka outage: stack started in ${startSeconds.toFixed(1)} s with the broker down; published ${publishSeconds.toFixed(1)} s and applied by the statistics ${catchUpSeconds.toFixed(1)} s after it returned (load ${os.loadavg()[0].toFixed(1)})\n`,
    );
    // The reconnect pauses are capped at half a second; the rest is the group join and one batch.
    expect(catchUpSeconds).toBeLessThan(10);
    await eventually(
      async () => ((await readiness('statistics')).body.degraded ? undefined : true),
      15_000,
      'readiness without degraded parts',
    );
  });
});
