import type { EntityManager } from 'typeorm';
import { appendToOutbox, createEnvelope } from '@partybuild/events';

export { AssessmentEventType } from '@partybuild/contracts';

export interface AssessmentEvent {
  type: string;
  aggregateId: string;
  organizationId: string | null;
  organizationPath: string[];
  data: object;
}

/** Writes the events of a change in the change's transaction (the outbox relay publishes them). */
export async function emit(manager: EntityManager, actor: string, events: AssessmentEvent[]): Promise<void> {
  await appendToOutbox(
    manager,
    events.map((e) => createEnvelope('assessment', { ...e, actor })),
  );
}
