import type { DataSource } from 'typeorm';
import { eventually, KafkaBroker, startKafkaBroker } from '@partybuild/testing';
import { EventEnvelope, parseEnvelope, topicForType } from '../envelope';
import { KafkaTransport } from '../transport/kafka-transport';
import type { DeliveredRecord } from '../transport/event-transport';
import { OutboxRelay, RelayOptions } from './outbox-relay';
import { appendToOutbox } from './outbox-writer';
import { commitEvents, openOutboxDatabase, outboxRows, sequencedEvent } from '../../test/outbox-fixtures';
import { Inbox, kafkaAdmin, logger, uniqueName } from '../../test/support';

jest.setTimeout(180_000);

// This file stops and restarts its broker, so it has one of its own.
let broker: KafkaBroker;
let admin: ReturnType<typeof kafkaAdmin>;
beforeAll(async () => {
  broker = await startKafkaBroker();
  admin = kafkaAdmin(broker.brokers);
}, 120_000);
afterAll(async () => {
  await admin?.close().catch(() => undefined);
  await broker?.stop();
}, 60_000);

let dataSource: DataSource;
const cleanups: (() => Promise<unknown>)[] = [];
beforeEach(async () => {
  dataSource = await openOutboxDatabase();
  cleanups.push(() => dataSource.destroy());
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  await broker.start(); // in case a failed test left it stopped; a no-op when it runs
}, 60_000);

const kafkaTransport = () => {
  const transport = new KafkaTransport({ brokers: broker.brokers, clientId: uniqueName('relay'), logger });
  cleanups.push(() => transport.close());
  return transport;
};

function startRelay(options: Partial<RelayOptions> = {}): OutboxRelay {
  const relay = new OutboxRelay({ dataSource, transport: kafkaTransport(), logger, idleMs: 20, ...options });
  relay.start();
  cleanups.push(() => relay.stop());
  return relay;
}

/** A type of its own per test, hence a topic of its own (`partybuild.t…`). */
const newEventType = () => `${uniqueName('t')}.changed`;

/** Reads the topic from the beginning with a new group until `ids` all arrived. */
async function readTopic(topic: string, ids: string[]): Promise<(DeliveredRecord & { envelope: EventEnvelope })[]> {
  const inbox = new Inbox();
  const subscription = await kafkaTransport().subscribe({
    groupId: uniqueName('reader'),
    topics: [topic],
    fromBeginning: true,
    handleBatch: inbox.handleBatch,
  });
  try {
    await eventually(
      async () => {
        const seen = new Set(inbox.records.map((r) => envelopeOf(r).id));
        return ids.every((id) => seen.has(id)) ? true : undefined;
      },
      60_000,
      `${ids.length} events on ${topic}`,
    );
  } finally {
    await subscription.stop();
  }
  return inbox.records.map((r) => ({ ...r, envelope: envelopeOf(r) }));
}

function envelopeOf(record: DeliveredRecord): EventEnvelope {
  const parsed = parseEnvelope(record.value);
  if (!parsed.ok) throw new Error(`not an envelope at offset ${record.offset}: ${parsed.reason}`);
  return parsed.envelope;
}

/** Sequence numbers per aggregate, in delivery order, each event counted at its first delivery. */
function firstDeliveries(records: { envelope: EventEnvelope }[]): Map<string, number[]> {
  const seen = new Set<string>();
  const byAggregate = new Map<string, number[]>();
  for (const { envelope } of records) {
    if (seen.has(envelope.id)) continue;
    seen.add(envelope.id);
    byAggregate.set(envelope.subject, [...(byAggregate.get(envelope.subject) ?? []), envelope.data.seq as number]);
  }
  return byAggregate;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

async function waitUntilNothingPending(timeoutMs = 60_000): Promise<void> {
  await eventually(
    async () => ((await outboxRows(dataSource)).every((r) => r.published_at || r.parked_at) ? true : undefined),
    timeoutMs,
    'every outbox row published or parked',
  );
}

describe('appendToOutbox', () => {
  it('refuses to write outside a transaction', async () => {
    const event = sequencedEvent(newEventType(), 'org-1', 0);
    await expect(appendToOutbox(dataSource.manager, [event])).rejects.toThrow('must run inside the transaction');
    expect(await outboxRows(dataSource)).toEqual([]);
  });

  it('commits and rolls back with the change it belongs to', async () => {
    const type = newEventType();
    const kept = sequencedEvent(type, 'org-1', 0);
    await commitEvents(dataSource, [kept]);
    await expect(
      dataSource.transaction(async (manager) => {
        await appendToOutbox(manager, [sequencedEvent(type, 'org-1', 1)]);
        throw new Error('the change failed validation');
      }),
    ).rejects.toThrow('validation');

    const rows = await outboxRows(dataSource);
    expect(rows.map((r) => [r.event_id, r.topic, r.message_key])).toEqual([[kept.id, topicForType(type), 'org-1']]);
  });
});

describe('OutboxRelay', () => {
  it('publishes each outbox row once, keyed by aggregate, and marks it published', async () => {
    const type = newEventType();
    const aggregates = ['org-a', 'org-b', 'org-c'];
    const appended: EventEnvelope[] = [];
    // Ten transactions, each with one event per aggregate.
    for (const seq of range(10)) {
      const batch = aggregates.map((a) => sequencedEvent(type, a, seq));
      await commitEvents(dataSource, batch);
      appended.push(...batch);
    }

    const relay = startRelay({ batchSize: 7 });
    await waitUntilNothingPending();

    const rows = await outboxRows(dataSource);
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.published_at !== null && r.parked_at === null)).toBe(true);
    expect(relay.stats).toEqual({ published: 30, parked: 0, failures: 0 });

    const topic = topicForType(type);
    const records = await readTopic(
      topic,
      appended.map((e) => e.id),
    );
    expect(await admin.recordCount(topic)).toBe(30);
    expect(records).toHaveLength(30);
    expect(records.map((r) => r.envelope).sort(byId)).toEqual([...appended].sort(byId));
    for (const r of records) expect(r.key).toBe(r.envelope.subject);
    // One key, one partition: each aggregate's history in order.
    for (const a of aggregates) expect(new Set(records.filter((r) => r.key === a).map((r) => r.partition)).size).toBe(1);
    expect(firstDeliveries(records)).toEqual(new Map(aggregates.map((a) => [a, range(10)])));
  });

  it("survives the broker going away and coming back without losing or reordering an organisation's events", async () => {
    const type = newEventType();
    const topic = topicForType(type);
    const aggregates = ['org-a', 'org-b', 'org-c', 'org-d'];
    const nextSeq = new Map(aggregates.map((a) => [a, 0]));
    const appended: EventEnvelope[] = [];
    const commit = async (aggregateIds: string[]) => {
      const batch = aggregateIds.map((a) => {
        const seq = nextSeq.get(a)!;
        nextSeq.set(a, seq + 1);
        return sequencedEvent(type, a, seq);
      });
      await commitEvents(dataSource, batch);
      appended.push(...batch);
    };
    // The service keeps working throughout: a transaction every 40 ms, one to three events,
    // so that publishes are in flight when the broker goes and when it comes back.
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        await commit(aggregates.filter((_, j) => (i + j) % 3 === 0 || j === i % 4));
        await sleep(40);
      }
    })();

    const relay = startRelay({ batchSize: 5 });
    try {
      await eventually(async () => (relay.stats.published >= 20 ? true : undefined), 60_000, 'events published');

      await broker.stop();
      const firstWhileDown = appended.length + 3; // a transaction may have committed just as the broker went
      await eventually(async () => (relay.stats.failures >= 2 ? true : undefined), 60_000, 'the relay to keep retrying');
      await eventually(async () => (appended.length >= firstWhileDown + 10 ? true : undefined), 10_000, 'events while down');

      // While the broker is away nothing more is marked published, nothing is given up on.
      const whileDown = new Set(appended.slice(firstWhileDown).map((e) => e.id));
      const pending = (await outboxRows(dataSource)).filter((r) => whileDown.has(r.event_id));
      expect(pending.length).toBeGreaterThanOrEqual(10);
      expect(pending.filter((r) => r.published_at !== null || r.parked_at !== null)).toEqual([]);
      // The relay retries the oldest unpublished rows (the head of the outbox), counting attempts.
      const unpublished = (await outboxRows(dataSource)).filter((r) => r.published_at === null);
      expect(unpublished[0]).toMatchObject({ attempts: expect.any(Number), last_error: expect.any(String) });
      expect(unpublished[0].attempts).toBeGreaterThanOrEqual(2);
      expect(relay.stats.parked).toBe(0);

      await broker.start();
      const publishedBefore = relay.stats.published;
      await eventually(async () => (relay.stats.published > publishedBefore + 20 ? true : undefined), 90_000, 'publishing to resume');
    } finally {
      writing = false;
      await writer;
    }
    await waitUntilNothingPending(60_000);

    const rows = await outboxRows(dataSource);
    expect(rows).toHaveLength(appended.length);
    expect(rows.filter((r) => r.published_at === null || r.parked_at !== null)).toEqual([]);
    expect(relay.stats.parked).toBe(0);

    const records = await readTopic(
      topic,
      appended.map((e) => e.id),
    );
    expect(new Set(records.map((r) => r.envelope.id))).toEqual(new Set(appended.map((e) => e.id)));
    for (const r of records) expect(r.key).toBe(r.envelope.subject);
    // At least once, and in each organisation's own order.
    expect(firstDeliveries(records)).toEqual(new Map(aggregates.map((a) => [a, range(nextSeq.get(a)!)])));
    const duplicates = records.length - appended.length;
    if (duplicates > 0) process.stdout.write(`broker outage: ${duplicates} of ${records.length} records delivered twice\n`);
  });

  it('keeps retrying, and never parks, a lone event written while the broker is down', async () => {
    const type = newEventType();
    const first = sequencedEvent(type, 'org-a', 0);
    const lone = sequencedEvent(type, 'org-a', 1);
    const relay = startRelay();
    await commitEvents(dataSource, [first]);
    await waitUntilNothingPending();

    await broker.stop();
    await commitEvents(dataSource, [lone]);
    const row = await eventually(
      async () => {
        const found = (await outboxRows(dataSource)).find((r) => r.event_id === lone.id)!;
        return found.attempts >= 2 || found.parked_at ? found : undefined;
      },
      60_000,
      'failed attempts',
    );
    expect(row).toMatchObject({ published_at: null, parked_at: null, last_error: expect.any(String) });
    expect(relay.stats.failures).toBeGreaterThanOrEqual(2);

    await broker.start();
    await waitUntilNothingPending(90_000);
    expect((await outboxRows(dataSource)).find((r) => r.event_id === lone.id)).toMatchObject({
      published_at: expect.any(Date),
      parked_at: null,
    });
    expect(relay.stats.parked).toBe(0);
    const records = await readTopic(topicForType(type), [first.id, lone.id]);
    expect(firstDeliveries(records)).toEqual(new Map([['org-a', [0, 1]]]));
  });

  it('parks a message larger than maxMessageBytes and publishes the ones after it', async () => {
    const type = newEventType();
    const topic = topicForType(type);
    const small0 = sequencedEvent(type, 'org-a', 0);
    const huge = sequencedEvent(type, 'org-a', 1, { attachment: 'x'.repeat(5_000) });
    const small2 = sequencedEvent(type, 'org-a', 2);
    const other = sequencedEvent(type, 'org-b', 0);
    await commitEvents(dataSource, [small0, huge]);
    await commitEvents(dataSource, [small2, other]);

    const relay = startRelay({ maxMessageBytes: 2_000 });
    await waitUntilNothingPending();

    const rows = await outboxRows(dataSource);
    const rowOf = (e: EventEnvelope) => rows.find((r) => r.event_id === e.id)!;
    expect(rowOf(huge)).toMatchObject({ published_at: null, parked_at: expect.any(Date), last_error: expect.stringContaining('larger') });
    for (const e of [small0, small2, other]) expect(rowOf(e)).toMatchObject({ published_at: expect.any(Date), parked_at: null });
    expect(relay.stats).toMatchObject({ published: 3, parked: 1 });

    const records = await readTopic(topic, [small0.id, small2.id, other.id]);
    expect(await admin.recordCount(topic)).toBe(3);
    expect(records.map((r) => r.envelope.id)).not.toContain(huge.id);
    expect(firstDeliveries(records)).toEqual(
      new Map([
        ['org-a', [0, 2]],
        ['org-b', [0]],
      ]),
    );
  });

  it('parks a message the broker refuses for good and publishes the others of its batch', async () => {
    const type = newEventType();
    const topic = topicForType(type);
    const before = sequencedEvent(type, 'org-a', 0);
    // Over the broker's message.max.bytes (1 MB by default), under the relay's own limit.
    const refused = sequencedEvent(type, 'org-a', 1, { attachment: 'x'.repeat(1_200_000) });
    const after = sequencedEvent(type, 'org-a', 2);
    await commitEvents(dataSource, [before, refused, after]);

    const relay = startRelay({ maxMessageBytes: 10_000_000 });
    await waitUntilNothingPending();

    const rows = await outboxRows(dataSource);
    const rowOf = (e: EventEnvelope) => rows.find((r) => r.event_id === e.id)!;
    expect(rowOf(refused)).toMatchObject({ published_at: null, parked_at: expect.any(Date) });
    for (const e of [before, after]) expect(rowOf(e)).toMatchObject({ published_at: expect.any(Date), parked_at: null });
    expect(relay.stats.parked).toBe(1);

    const records = await readTopic(topic, [before.id, after.id]);
    expect(records.map((r) => r.envelope.id)).not.toContain(refused.id);
    expect(firstDeliveries(records)).toEqual(new Map([['org-a', [0, 2]]]));
  });
});

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
