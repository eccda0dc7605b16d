/** Helpers for the outbox specs: a database with the outbox, events with a sequence number. */
import type { DataSource } from 'typeorm';
import { openDataSource } from '@partybuild/persistence';
import { freshDatabase } from '@partybuild/testing';
import { createEnvelope, EventEnvelope } from '../src/envelope';
import { outboxMigrations } from '../src/index';
import { appendToOutbox } from '../src/outbox/outbox-writer';

export interface OutboxRow {
  position: string;
  event_id: string;
  topic: string;
  message_key: string;
  published_at: Date | null;
  parked_at: Date | null;
  attempts: number;
  last_error: string | null;
}

/** A fresh database holding only the outbox (no entities), as a producing service has it. */
export function openOutboxDatabase(): Promise<DataSource> {
  return freshDatabase().then((url) => openDataSource({ url, entities: [], migrations: outboxMigrations, poolSize: 4 }));
}

/** An event of aggregate `aggregateId`; `seq` is its place in that aggregate's history. */
export function sequencedEvent(
  type: string,
  aggregateId: string,
  seq: number,
  extra: Record<string, unknown> = {},
): EventEnvelope<{ seq: number }> {
  return createEnvelope('organization', {
    type,
    aggregateId,
    organizationId: aggregateId,
    organizationPath: ['root', aggregateId],
    actor: 'tester',
    data: { seq, ...extra },
  });
}

/** Appends in one transaction, as a command handler does after writing its aggregate. */
export function commitEvents(dataSource: DataSource, envelopes: EventEnvelope<unknown>[]): Promise<void> {
  return dataSource.transaction((manager) => appendToOutbox(manager, envelopes));
}

export async function outboxRows(dataSource: DataSource): Promise<OutboxRow[]> {
  return dataSource.query(
    `SELECT position::text, event_id::text, topic, message_key, published_at, parked_at, attempts, last_error
     FROM outbox ORDER BY outbox.position`,
  );
}
