import { randomUUID } from 'node:crypto';
import { ActivitySnapshot, MEMBERSHIP_SCHEMA_VERSION, MemberSnapshot } from '@partybuild/contracts';
import { memberSnapshot } from '@partybuild/testing';
import { EventEnvelope, createEnvelope } from '@partybuild/events';

export { memberSnapshot };

export const membershipEvent = (type: string, member: MemberSnapshot, extra: Record<string, unknown> = {}): EventEnvelope =>
  createEnvelope('membership', {
    type,
    aggregateId: member.id,
    organizationId: member.organizationId,
    organizationPath: [],
    actor: 'test',
    schemaVersion: MEMBERSHIP_SCHEMA_VERSION,
    data: { member, ...extra },
  });

export const heldActivity = (hostId: string, type: string, heldOn: string, present: number, expected: number): ActivitySnapshot => ({
  id: randomUUID(),
  type,
  status: 'HELD',
  hostId,
  hostPath: [],
  coHostIds: [],
  plannedOn: null,
  heldOn,
  period: heldOn.slice(0, 7),
  businessLink: null,
  lecturerIsSecretary: false,
  attendance: { expected, present, late: 0, excused: 0, absent: expected - present },
});

export const activityEvent = (activity: ActivitySnapshot): EventEnvelope =>
  createEnvelope('activity', {
    type: 'activity.held',
    aggregateId: activity.id,
    organizationId: activity.hostId,
    organizationPath: [],
    actor: 'test',
    data: { activity },
  });
