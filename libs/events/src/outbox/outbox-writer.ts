import type { EntityManager } from 'typeorm';
import { activeTraceCarrier } from '@partybuild/telemetry';
import { EventEnvelope, topicForType } from '../envelope';

/**
 * Appends events to the outbox with the caller's transaction, so a change and its events
 * commit or roll back together. Call it after the aggregate's row is written (and so locked):
 * that keeps one aggregate's events in commit order. When the request is traced, its trace
 * context is kept with the rows, for the relay's publish span.
 */
export async function appendToOutbox(manager: EntityManager, envelopes: EventEnvelope<unknown>[]): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('appendToOutbox must run inside the transaction that makes the change');
  }
  if (envelopes.length === 0) return;
  const traceContext = activeTraceCarrier();
  await manager.query(
    `INSERT INTO outbox (event_id, topic, message_key, envelope, trace_context)
     SELECT e.*, $5::jsonb FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[]) AS e`,
    [
      envelopes.map((e) => e.id),
      envelopes.map((e) => topicForType(e.type)),
      envelopes.map((e) => e.subject),
      envelopes.map((e) => JSON.stringify(e)),
      traceContext ? JSON.stringify(traceContext) : null,
    ],
  );
}
