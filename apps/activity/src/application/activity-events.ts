import type { EntityManager } from 'typeorm';
import { ACTIVITY_SCHEMA_VERSION, type ActivitySnapshot } from '@partybuild/contracts';
import { appendToOutbox, createEnvelope } from '@partybuild/events';
import { ActivityRecord } from '../entities';
import { monthOf } from '../domain/period';

export { ActivityEventType as ActivityEvent } from '@partybuild/contracts';

/** What every activity event carries about the activity (counts, never names; attendees by id only in attendance events). */
export function snapshotOf(a: ActivityRecord): ActivitySnapshot {
  const day = a.heldOn ?? a.plannedOn ?? a.cancelledOn ?? '';
  return {
    id: a.id,
    type: a.type,
    status: a.status,
    hostId: a.hostId,
    hostPath: a.hostPath,
    coHostIds: a.coHostIds,
    plannedOn: a.plannedOn,
    heldOn: a.heldOn,
    period: monthOf(day),
    businessLink: a.businessLink,
    lecturerIsSecretary: a.lecturerIsSecretary,
    attendance: { expected: a.expected, present: a.present, late: a.late, excused: a.excused, absent: a.absent },
  };
}

/** The envelope of an activity event, with the activity as it is now. */
export const activityEvent = (activity: ActivityRecord, type: string, actor: string, data: Record<string, unknown> = {}) =>
  createEnvelope('activity', {
    type,
    aggregateId: activity.id,
    organizationId: activity.hostId,
    organizationPath: activity.hostPath,
    actor,
    data: { activity: snapshotOf(activity), ...data },
    schemaVersion: ACTIVITY_SCHEMA_VERSION,
  });

/** Writes the event of a change in the change's transaction. */
export async function recordEvent(
  manager: EntityManager,
  activity: ActivityRecord,
  type: string,
  actor: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  await appendToOutbox(manager, [activityEvent(activity, type, actor, data)]);
}
