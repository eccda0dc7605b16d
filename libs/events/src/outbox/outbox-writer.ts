import type { EntityManager } from 'typeorm';
import { EventEnvelope, topicForType } from '../envelope';

/**
 * Appends events to the outbox with the caller's transaction, so a change and its events
 * commit or roll back together. Call it after the aggregate's row is written (and so locked):
 * that keeps one aggregate's events in commit order.
 */
export async function appendToOutbox(manager: EntityManager, envelopes: EventEnvelope<unknown>[]): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('appendToOutbox must run inside the transaction that makes the change');
  }
  if (envelopes.length === 0) return;
  await manager.query(
    `INSERT INTO outbox (event_id, topic, message_key, envelope)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::jsonb[])`,
    [
      envelopes.map((e) => e.id),
      envelopes.map((e) => topicForType(e.type)),
      envelopes.map((e) => e.subject),
      envelopes.map((e) => JSON.stringify(e)),
    ],
  );
}
