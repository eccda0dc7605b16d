import type { EntityManager } from 'typeorm';
import { ActivityEventData, ActivityEventType } from '@partybuild/contracts';
import type { EventEnvelope, EventHandler } from '@partybuild/events';

/** Every activity event carries the activity as of the event, attendance counted: keep the latest. */
async function upsertActivity(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const { activity: a } = event.data as unknown as ActivityEventData;
  const c = a.attendance;
  await manager.query(
    `INSERT INTO stat_activity (activity_id, host_id, type, status, held_on, month, expected, present, late, excused, absent)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (activity_id) DO UPDATE SET host_id = EXCLUDED.host_id, type = EXCLUDED.type, status = EXCLUDED.status,
       held_on = EXCLUDED.held_on, month = EXCLUDED.month, expected = EXCLUDED.expected, present = EXCLUDED.present,
       late = EXCLUDED.late, excused = EXCLUDED.excused, absent = EXCLUDED.absent`,
    [a.id, a.hostId, a.type, a.status, a.heldOn, a.period, c.expected, c.present, c.late, c.excused, c.absent],
  );
}

const v1 = { versions: [1], handle: upsertActivity as EventHandler };

export const activityFactHandlers = Object.fromEntries(Object.values(ActivityEventType).map((type) => [type, v1]));
