import type { EntityManager } from 'typeorm';
import { ActivityEventData, ActivityEventType } from '@partybuild/contracts';
import type { EventEnvelope, HandlerEntry } from '@partybuild/events';

const ACTIVITY_COLUMNS = `activity_id uuid, host_id uuid, type text, status text, held_on date, month text, expected integer,
  present integer, late integer, excused integer, absent integer, co_host_ids uuid[]`;

/** Every activity event carries the activity as of the event, attendance counted: keep the latest, one statement a run. */
async function upsertActivities(events: EventEnvelope[], manager: EntityManager): Promise<void> {
  const latest = new Map<string, Record<string, unknown>>();
  for (const event of events) {
    const { activity: a } = event.data as unknown as ActivityEventData;
    const c = a.attendance;
    latest.set(a.id, {
      activity_id: a.id,
      host_id: a.hostId,
      type: a.type,
      status: a.status,
      held_on: a.heldOn,
      month: a.period,
      expected: c.expected,
      present: c.present,
      late: c.late,
      excused: c.excused,
      absent: c.absent,
      co_host_ids: a.coHostIds ?? [],
    });
  }
  await manager.query(
    `INSERT INTO stat_activity SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${ACTIVITY_COLUMNS})
     ON CONFLICT (activity_id) DO UPDATE SET host_id = EXCLUDED.host_id, type = EXCLUDED.type, status = EXCLUDED.status,
       held_on = EXCLUDED.held_on, month = EXCLUDED.month, expected = EXCLUDED.expected, present = EXCLUDED.present,
       late = EXCLUDED.late, excused = EXCLUDED.excused, absent = EXCLUDED.absent, co_host_ids = EXCLUDED.co_host_ids`,
    [JSON.stringify([...latest.values()])],
  );
}

const activity: HandlerEntry = {
  versions: [1],
  handle: (event, manager) => upsertActivities([event], manager),
  handleMany: upsertActivities,
};

export const activityFactHandlers = Object.fromEntries(Object.values(ActivityEventType).map((type) => [type, activity]));
