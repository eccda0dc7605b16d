import type { EntityManager } from 'typeorm';
import { ActivityEventData, ActivityEventType } from '@partybuild/contracts';
import { THREE_MEETINGS_ONE_LESSON } from '@partybuild/compliance';
import type { EventEnvelope, HandlerEntry } from '@partybuild/events';

/**
 * The meetings of 三会一课 held by each organisation, from the activity events on
 * `partybuild.activity` (libs/contracts/src/activity-events.ts): every event carries the activity
 * as of the event, so the latest one is kept (an older one changes nothing). Other activity types
 * count towards no requirement of 三会一课 and are not kept. Compliance is judged from these rows
 * by the shared definition (libs/compliance), in `application/compliance-facts.ts`.
 */
async function keepMeeting(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const { activity: a } = event.data as unknown as ActivityEventData;
  if (!(THREE_MEETINGS_ONE_LESSON as readonly string[]).includes(a.type)) return;
  await manager.query(
    `INSERT INTO meeting_held (activity_id, type, status, host_id, co_host_ids, held_on, as_of) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (activity_id) DO UPDATE SET type = EXCLUDED.type, status = EXCLUDED.status, host_id = EXCLUDED.host_id,
       co_host_ids = EXCLUDED.co_host_ids, held_on = EXCLUDED.held_on, as_of = EXCLUDED.as_of
     WHERE meeting_held.as_of <= EXCLUDED.as_of`,
    [a.id, a.type, a.status, a.hostId, a.coHostIds ?? [], a.heldOn, event.time],
  );
}

const meeting: HandlerEntry = { versions: [1], handle: keepMeeting };

export const meetingHandlers: Record<string, HandlerEntry> = Object.fromEntries(
  Object.values(ActivityEventType).map((type) => [type, meeting]),
);
