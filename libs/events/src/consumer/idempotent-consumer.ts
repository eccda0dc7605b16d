import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '@partybuild/logging';
import { SpanKind, inLinkedSpan } from '@partybuild/telemetry';
import { EventEnvelope, parseEnvelope, understands } from '../envelope';
import { DeliveredRecord, EventTransport, Subscription } from '../transport/event-transport';
import { ApplyStrategy, FreshEvent, HandlerFailed, applyInRuns, applyOneByOne } from './apply-strategies';

export type EventHandler = (event: EventEnvelope, manager: EntityManager) => Promise<void>;

/**
 * How a consumer applies one event type. `handleMany`, when given, applies a run of
 * consecutive events in one go (set-based SQL); it must leave the same state as `handle`
 * applied to each in order.
 */
export interface HandlerEntry {
  versions: number[];
  handle: EventHandler;
  handleMany?: (events: EventEnvelope[], manager: EntityManager) => Promise<void>;
}

export interface ConsumerOptions {
  transport: EventTransport;
  dataSource: DataSource;
  logger: Logger;
  groupId: string;
  topics: string[];
  /** Handlers by event type; each lists the schema versions it understands. */
  handlers: Record<string, HandlerEntry>;
  fromBeginning?: boolean;
  /** See `SubscribeOptions.topicsInParallel`: only when the handlers of different topics write different rows. */
  topicsInParallel?: boolean;
  /**
   * A large batch of these topics is applied as `ways` transactions at once, its records split
   * by message key (each key's records stay together and in order). Only for topics whose
   * handlers write, for different keys, different rows: the transactions must not wait for each
   * other. Each records its own event ids, so one failing leaves the others' work counted once
   * when the batch is delivered again.
   */
  splitByKey?: { topics: string[]; ways: number };
  /** Runs inside the batch's transaction when it applied at least one event (e.g. a version counter). */
  withinBatch?: (manager: EntityManager, applied: EventEnvelope[]) => Promise<void>;
  /** Called after each batch commits (metrics, freshness measurement). */
  onApplied?: (events: EventEnvelope[]) => void;
}

/**
 * Applies events exactly once in effect: a batch is one transaction that records each event
 * id beside its effect, so a redelivered event (after a crash, a rebalance or a replay) is
 * recognised and skipped. An event that cannot be read, or whose type or version this
 * consumer does not know, or whose handler fails, is parked and counted; the batch and the
 * partition go on.
 */
export async function startIdempotentConsumer(options: ConsumerOptions): Promise<Subscription & { stats: ConsumerStats }> {
  const stats: ConsumerStats = { applied: 0, duplicates: 0, parked: 0 };
  const applyPart = async (records: DeliveredRecord[]) => {
    let outcome: BatchOutcome;
    try {
      outcome = await options.dataSource.transaction((manager) => applyBatch(options, manager, records, applyInRuns));
    } catch (error) {
      if (!(error instanceof HandlerFailed)) throw error;
      // A handler failed: apply the batch again, each event behind a savepoint, and park the culprit.
      options.logger.debug({ err: error }, 'batch applied again one event at a time');
      outcome = await options.dataSource.transaction((manager) => applyBatch(options, manager, records, applyOneByOne));
    }
    stats.applied += outcome.applied.length;
    stats.duplicates += outcome.duplicates;
    stats.parked += outcome.parked;
    if (outcome.applied.length) options.onApplied?.(outcome.applied);
  };
  const apply = async (records: DeliveredRecord[]) => {
    const split = options.splitByKey;
    if (!split || records.length < SPLIT_FROM || !split.topics.includes(records[0].topic)) return applyPart(records);
    await Promise.all(byKey(records, split.ways).map(applyPart));
  };
  const subscription = await options.transport.subscribe({
    groupId: options.groupId,
    topics: options.topics,
    fromBeginning: options.fromBeginning ?? true,
    topicsInParallel: options.topicsInParallel,
    // One span per batch (its SQL statements are its children), linked to the publish of each event.
    handleBatch: (records) =>
      inLinkedSpan(
        `process ${records[0]?.topic ?? options.topics.join(',')}`,
        SpanKind.CONSUMER,
        records.flatMap((r) => (r.headers?.traceparent ? [r.headers] : [])),
        {
          'messaging.system': options.transport.name,
          'messaging.operation.type': 'process',
          'messaging.consumer.group.name': options.groupId,
          'messaging.destination.name': records[0]?.topic ?? '',
          'messaging.batch.message_count': records.length,
        },
        () => apply(records),
      ),
  });
  return { stop: () => subscription.stop(), stats };
}

/** Batches smaller than this are applied whole: splitting them gains less than a transaction costs. */
const SPLIT_FROM = 200;

/** The records in `ways` parts by a hash of their key, each part in delivery order. */
function byKey(records: DeliveredRecord[], ways: number): DeliveredRecord[][] {
  const parts: DeliveredRecord[][] = Array.from({ length: ways }, () => []);
  for (const record of records) {
    let hash = 0;
    for (let i = 0; i < record.key.length; i++) hash = (hash * 31 + record.key.charCodeAt(i)) | 0;
    parts[Math.abs(hash) % ways].push(record);
  }
  return parts.filter((part) => part.length);
}

export interface ConsumerStats {
  applied: number;
  duplicates: number;
  parked: number;
}

interface BatchOutcome {
  applied: EventEnvelope[];
  duplicates: number;
  parked: number;
}

/**
 * One transaction for the batch. The event ids are recorded with one statement; only those
 * not seen before are applied, by `strategy` (see `apply-strategies.ts`).
 */
async function applyBatch(
  options: ConsumerOptions,
  manager: EntityManager,
  records: DeliveredRecord[],
  strategy: ApplyStrategy,
): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { applied: [], duplicates: 0, parked: 0 };
  const readable: FreshEvent[] = [];
  for (const record of records) {
    const parsed = parseEnvelope(record.value);
    if (!parsed.ok) {
      outcome.parked += await park(options, manager, record, `malformed event: ${parsed.reason}`);
      continue;
    }
    const handler = options.handlers[parsed.envelope.type];
    if (!handler || !understands(handler.versions, parsed.envelope.schemaversion, parsed.envelope.type)) {
      const { type, schemaversion } = parsed.envelope;
      outcome.parked += await park(options, manager, record, `unknown event type or version: ${type} v${schemaversion}`);
      continue;
    }
    readable.push({ record, event: parsed.envelope, handler });
  }
  const inserted: Array<{ event_id: string }> = await manager.query(
    `INSERT INTO processed_event (consumer_group, event_id) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING RETURNING event_id`,
    [options.groupId, readable.map((r) => r.event.id)],
  );
  const fresh = new Set(inserted.map((r) => r.event_id));
  // `delete` makes a second copy of the same event within the batch a duplicate too.
  const toApply = readable.filter(({ event }) => fresh.delete(event.id));
  outcome.duplicates += readable.length - toApply.length;
  const applied = await strategy(toApply, manager, (record, reason) => park(options, manager, record, reason));
  outcome.applied = applied.applied;
  outcome.parked += applied.parked;
  if (outcome.applied.length) await options.withinBatch?.(manager, outcome.applied);
  return outcome;
}

/** Keeps an event the consumer could not apply; 1 if it was not kept already. */
async function park(options: ConsumerOptions, manager: EntityManager, record: DeliveredRecord, reason: string): Promise<number> {
  const inserted = await manager.query(
    `INSERT INTO parked_event (consumer_group, topic, partition, "offset", message_key, value, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING 1`,
    [options.groupId, record.topic, record.partition, record.offset, record.key, record.value, reason],
  );
  if (inserted.length) options.logger.warn({ topic: record.topic, offset: record.offset, reason }, 'event parked');
  return inserted.length;
}
