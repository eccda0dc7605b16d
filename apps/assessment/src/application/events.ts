import type { EntityManager } from 'typeorm';
import { appendToOutbox, createEnvelope } from '@partybuild/events';

export { AssessmentEventType } from '@partybuild/contracts';

export interface AssessmentEvent {
  type: string;
  aggregateId: string;
  organizationId: string | null;
  organizationPath: string[];
  data: object;
  /** The envelope schema version when the type is written at another than the default (stars-rated: 3). */
  schemaVersion?: number;
}

/** Writes the events of a change in the change's transaction (the outbox relay publishes them). */
export async function emit(manager: EntityManager, actor: string, events: AssessmentEvent[]): Promise<void> {
  await appendToOutbox(
    manager,
    events.map((e) => createEnvelope('assessment', { ...e, actor })),
  );
}
