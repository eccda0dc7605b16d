import { spawn } from 'node:child_process';
import type { DataSource } from 'typeorm';
import { openDataSource } from '@partybuild/persistence';
import { eventually, findRepoRoot, freshDatabase, testKafkaBrokers } from '@partybuild/testing';
import { createEnvelope, EventEnvelope, topicForType } from '../envelope';
import { consumerMigrations } from '../index';
import { KafkaTransport } from '../transport/kafka-transport';
import type { OutgoingRecord } from '../transport/event-transport';
import { ConsumerStats, startIdempotentConsumer } from './idempotent-consumer';
import type { ConsumerProcessConfig, CrashReport } from '../../test/consumer-process';
import { kafkaAdmin, logger, uniqueName } from '../../test/support';
import { countRows, createTallyTable, readTally, sumOf, tallyHandlers } from '../../test/tally';

// A killed Kafka consumer stays in its group until its session times out (30 s): the
// restarted one waits for that rebalance.
jest.setTimeout(150_000);

const brokers = testKafkaBrokers().split(',');
const admin = kafkaAdmin(brokers);
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
});
afterAll(() => admin.close());

let databaseUrl: string;
let dataSource: DataSource;
beforeEach(async () => {
  databaseUrl = await freshDatabase();
  dataSource = await openDataSource({ url: databaseUrl, entities: [], migrations: consumerMigrations, poolSize: 4 });
  cleanups.push(() => dataSource.destroy());
  await createTallyTable(dataSource);
});

function kafkaTransport(): KafkaTransport {
  const transport = new KafkaTransport({ brokers, clientId: uniqueName('consumer-test'), logger });
  cleanups.push(() => transport.close());
  return transport;
}

/** `perAggregate` events for each aggregate, interleaved, with `data.n` their place in it. */
function eventsFor(type: string, aggregates: string[], perAggregate: number, schemaVersion = 1): EventEnvelope[] {
  return Array.from({ length: perAggregate }, (_, n) =>
    aggregates.map((a) =>
      createEnvelope('test', {
        type,
        aggregateId: a,
        organizationId: a,
        organizationPath: [a],
        actor: 'tester',
        data: { n },
        schemaVersion,
      }),
    ),
  ).flat();
}

const asRecord = (event: EventEnvelope): OutgoingRecord => ({
  topic: topicForType(event.type),
  key: event.subject,
  value: JSON.stringify(event),
});

async function publishInChunks(transport: KafkaTransport, records: OutgoingRecord[], chunk = 50): Promise<void> {
  for (let i = 0; i < records.length; i += chunk) await transport.publish(records.slice(i, i + chunk));
}

async function startConsumer(groupId: string, type: string) {
  const consumer = await startIdempotentConsumer({
    transport: kafkaTransport(),
    dataSource,
    logger,
    groupId,
    topics: [topicForType(type)],
    handlers: tallyHandlers(type),
  });
  cleanups.push(() => consumer.stop());
  return consumer;
}

/** Waits until the group has committed the end of every partition: nothing more will come. */
async function waitUntilCaughtUp(groupId: string, topic: string, timeoutMs = 120_000): Promise<void> {
  await eventually(
    async () => ((await admin.groupCaughtUp(groupId, topic)) ? true : undefined),
    timeoutMs,
    `${groupId} to read all of ${topic}`,
  );
}

/** Runs tools/run.js libs/events/test/consumer-process.ts and waits for it to kill itself. */
function runConsumerProcessUntilItDies(config: ConsumerProcessConfig): Promise<{ signal: NodeJS.Signals | null; report: CrashReport }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['tools/run.js', 'libs/events/test/consumer-process.ts'], {
      cwd: findRepoRoot(),
      env: { ...process.env, CONSUMER_PROCESS: JSON.stringify(config) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve({ signal, report: JSON.parse(line) as CrashReport });
      } catch {
        reject(new Error(`consumer process ended (${signal ?? `exit ${code}`}) without a report:\n${stdout}\n${stderr}`));
      }
    });
  });
}

describe('idempotent consumer', () => {
  const aggregates = ['org-0', 'org-1', 'org-2', 'org-3', 'org-4', 'org-5', 'org-6', 'org-7'];
  const perAggregate = 25;
  const total = aggregates.length * perAggregate;
  const everyAggregate = (count: number) => Object.fromEntries(aggregates.map((a) => [a, count]));

  /** Publishes the events, runs a consumer process that crashes as told, and returns what it left. */
  async function crashAConsumer(crash: ConsumerProcessConfig['crash']) {
    const type = `${uniqueName('t')}.counted`;
    const topic = topicForType(type);
    const groupId = uniqueName('tally');
    await publishInChunks(kafkaTransport(), eventsFor(type, aggregates, perAggregate).map(asRecord));

    const { signal, report } = await runConsumerProcessUntilItDies({ databaseUrl, brokers, topic, groupId, eventType: type, crash });
    expect(signal).toBe('SIGKILL');
    return { type, topic, groupId, report, tally: await readTally(dataSource) };
  }

  it('ends with every event applied exactly once when killed in the middle of a batch and restarted', async () => {
    const { type, topic, groupId, report, tally } = await crashAConsumer('mid-batch');

    // The crash came mid-batch: the open batch's effects rolled back, the committed ones stayed.
    expect(report.inOpenBatch).toBeGreaterThanOrEqual(2);
    expect(report.committed).toBeGreaterThan(0);
    expect(sumOf(tally)).toBe(report.committed);
    expect(sumOf(tally)).toBeLessThan(total);
    expect(await countRows(dataSource, 'processed_event', groupId)).toBe(report.committed);

    const restarted = await startConsumer(groupId, type);
    await waitUntilCaughtUp(groupId, topic);

    expect(await readTally(dataSource)).toEqual(everyAggregate(perAggregate));
    expect(await countRows(dataSource, 'processed_event', groupId)).toBe(total);
    expect(restarted.stats).toEqual<ConsumerStats>({ applied: total - report.committed, duplicates: 0, parked: 0 });
  });

  it('skips what it applied just before being killed, when the position was not committed yet', async () => {
    const { type, topic, groupId, report, tally } = await crashAConsumer('after-commit');

    expect(report.committedBatches).toBe(1);
    expect(sumOf(tally)).toBe(report.committed);

    const restarted = await startConsumer(groupId, type);
    await waitUntilCaughtUp(groupId, topic);

    // The batch it had applied came again and was recognised.
    expect(restarted.stats).toEqual<ConsumerStats>({ applied: total - report.committed, duplicates: report.lastBatchSize, parked: 0 });
    expect(await readTally(dataSource)).toEqual(everyAggregate(perAggregate));
    expect(await countRows(dataSource, 'processed_event', groupId)).toBe(total);
  });

  it('counts an event published twice once, and parks unreadable and unknown events without stopping', async () => {
    const type = `${uniqueName('t')}.counted`;
    const topic = topicForType(type);
    const groupId = uniqueName('tally');
    const transport = kafkaTransport();
    const first = eventsFor(type, ['org-a', 'org-b'], 5);
    const second = eventsFor(type, ['org-a', 'org-b'], 5);
    const unknownType = `${type.split('.')[0]}.unheard-of`; // same topic
    const poison: OutgoingRecord[] = [
      { topic, key: 'org-a', value: '{"specversion": "1.0", "id": ' },
      asRecord(
        createEnvelope('test', {
          type: unknownType,
          aggregateId: 'org-a',
          organizationId: null,
          organizationPath: [],
          actor: 'tester',
          data: {},
        }),
      ),
      ...eventsFor(type, ['org-b'], 1, 3).map(asRecord),
    ];

    // Same key, same partition: the poison sits between events that must still be applied.
    await transport.publish(first.map(asRecord));
    await transport.publish(poison);
    await transport.publish([...first.slice(0, 4), ...second].map(asRecord)); // four repeated, same ids
    await transport.publish(first.slice(6).map(asRecord)); // and four more, in a later batch

    const consumer = await startConsumer(groupId, type);
    await waitUntilCaughtUp(groupId, topic);

    expect(await readTally(dataSource)).toEqual({ 'org-a': 10, 'org-b': 10 });
    expect(consumer.stats).toEqual<ConsumerStats>({ applied: 20, duplicates: 8, parked: 3 });
    expect(await countRows(dataSource, 'processed_event', groupId)).toBe(20);
    const parked: { message_key: string; value: string; reason: string }[] = await dataSource.query(
      `SELECT message_key, value, reason FROM parked_event WHERE consumer_group = $1 AND topic = $2 ORDER BY message_key, reason`,
      [groupId, topic],
    );
    expect(parked).toEqual([
      { message_key: 'org-a', value: poison[0].value, reason: 'malformed event: not JSON' },
      { message_key: 'org-a', value: poison[1].value, reason: `unknown event type or version: ${unknownType} v2` },
      { message_key: 'org-b', value: poison[2].value, reason: `unknown event type or version: ${type} v3` },
    ]);
  });

  it('parks an event whose handler fails, undoing only its own effect', async () => {
    const type = `${uniqueName('t')}.counted`;
    const topic = topicForType(type);
    const groupId = uniqueName('tally');
    const events = eventsFor(type, ['org-a'], 5);
    const failing = events[2];
    await kafkaTransport().publish(events.map(asRecord));

    const consumer = await startIdempotentConsumer({
      transport: kafkaTransport(),
      dataSource,
      logger,
      groupId,
      topics: [topic],
      handlers: tallyHandlers(type, (event) => {
        if (event.id === failing.id) throw new Error('cannot apply this one');
      }),
    });
    cleanups.push(() => consumer.stop());
    await waitUntilCaughtUp(groupId, topic);

    // The failing handler had already added to the tally: rolled back to its savepoint.
    expect(await readTally(dataSource)).toEqual({ 'org-a': 4 });
    expect(consumer.stats).toEqual<ConsumerStats>({ applied: 4, duplicates: 0, parked: 1 });
    const [parked] = await dataSource.query(`SELECT value, reason FROM parked_event WHERE consumer_group = $1`, [groupId]);
    expect(parked).toEqual({ value: JSON.stringify(failing), reason: 'handler failed: cannot apply this one' });
  });
});
