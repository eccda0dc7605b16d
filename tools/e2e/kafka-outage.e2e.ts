import { Client } from 'pg';
import { KafkaBroker, eventually, startKafkaBroker } from '@partybuild/testing';
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
    const [pending] = await stack.services.organization.dataSource.query(`SELECT published_at FROM outbox WHERE message_key = $1`, [id]);
    expect(pending.published_at).toBeNull();

    await broker.start();
    const back = Date.now();
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
    process.stdout.write(
      `kafka outage: stack started in ${startSeconds.toFixed(1)} s with the broker down; caught up ${catchUpSeconds.toFixed(1)} s after it returned\n`,
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
