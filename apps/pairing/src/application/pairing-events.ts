import type { EntityManager } from 'typeorm';
import { appendToOutbox, createEnvelope } from '@partybuild/events';

export { PairingEventType as PairingEvent } from '@partybuild/contracts';

/** An event of the pairing service about one aggregate, placed at an organisation of the tree. */
export function pairingEvent(
  type: string,
  aggregateId: string,
  at: { id: string; path: string[] },
  actor: string,
  data: object,
  schemaVersion?: number,
) {
  return createEnvelope('pairing', { type, aggregateId, organizationId: at.id, organizationPath: at.path, actor, data, schemaVersion });
}

/** Writes events in the change's transaction (the outbox). */
export async function record(manager: EntityManager, events: ReturnType<typeof pairingEvent>[]): Promise<void> {
  await appendToOutbox(manager, events);
}
