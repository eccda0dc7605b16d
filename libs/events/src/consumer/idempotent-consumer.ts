import type { DataSource, EntityManager } from 'typeorm';
import type { Logger } from '@partybuild/logging';
import { EventEnvelope, parseEnvelope } from '../envelope';
import { DeliveredRecord, EventTransport, Subscription } from '../transport/event-transport';

export type EventHandler = (event: EventEnvelope, manager: EntityManager) => Promise<void>;

export interface ConsumerOptions {
  transport: EventTransport;
  dataSource: DataSource;
  logger: Logger;
  groupId: string;
  topics: string[];
  /** Handlers by event type; each lists the schema versions it understands. */
  handlers: Record<string, { versions: number[]; handle: EventHandler }>;
  fromBeginning?: boolean;
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
  const subscription = await options.transport.subscribe({
    groupId: options.groupId,
    topics: options.topics,
    fromBeginning: options.fromBeginning ?? true,
    handleBatch: async (records) => {
      const applied = await options.dataSource.transaction((manager) => applyBatch(options, manager, records, stats));
      if (applied.length) options.onApplied?.(applied);
    },
  });
  return { stop: () => subscription.stop(), stats };
}

export interface ConsumerStats {
  applied: number;
  duplicates: number;
  parked: number;
}

async function applyBatch(
  options: ConsumerOptions,
  manager: EntityManager,
  records: DeliveredRecord[],
  stats: ConsumerStats,
): Promise<EventEnvelope[]> {
  const applied: EventEnvelope[] = [];
  for (const record of records) {
    const parsed = parseEnvelope(record.value);
    if (!parsed.ok) {
      await park(options, manager, record, `malformed event: ${parsed.reason}`, stats);
      continue;
    }
    const event = parsed.envelope;
    const handler = options.handlers[event.type];
    if (!handler || !handler.versions.includes(event.schemaversion)) {
      await park(options, manager, record, `unknown event type or version: ${event.type} v${event.schemaversion}`, stats);
      continue;
    }
    const fresh = await manager.query(
      `INSERT INTO processed_event (consumer_group, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1`,
      [options.groupId, event.id],
    );
    if (fresh.length === 0) {
      stats.duplicates += 1;
      continue;
    }
    // A savepoint lets one failing handler be parked without losing the rest of the batch.
    await manager.query('SAVEPOINT apply_event');
    try {
      await handler.handle(event, manager);
      await manager.query('RELEASE SAVEPOINT apply_event');
      stats.applied += 1;
      applied.push(event);
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT apply_event');
      await park(options, manager, record, `handler failed: ${(error as Error).message}`, stats);
    }
  }
  return applied;
}

async function park(options: ConsumerOptions, manager: EntityManager, record: DeliveredRecord, reason: string, stats: ConsumerStats) {
  const inserted = await manager.query(
    `INSERT INTO parked_event (consumer_group, topic, partition, "offset", message_key, value, reason)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING 1`,
    [options.groupId, record.topic, record.partition, record.offset, record.key, record.value, reason],
  );
  if (inserted.length) {
    stats.parked += 1;
    options.logger.warn({ topic: record.topic, offset: record.offset, reason }, 'event parked');
  }
}
