import { randomUUID } from 'node:crypto';
import { ActivitySnapshot, MEMBERSHIP_SCHEMA_VERSION, MemberSnapshot } from '@partybuild/contracts';
import { EventEnvelope, createEnvelope } from '@partybuild/events';

/** A member as the membership service announces them (no personal data). */
export const memberSnapshot = (organizationId: string, overrides: Partial<MemberSnapshot> = {}): MemberSnapshot => ({
  id: randomUUID(),
  organizationId,
  partyGroupId: null,
  stage: 'FULL',
  status: 'ACTIVE',
  category: 'IN_SERVICE',
  gender: 'FEMALE',
  birthDate: '1985-06-01',
  education: 'BACHELOR',
  ethnicity: null,
  joinedOn: '2010-07-01',
  fullMemberSince: '2011-07-01',
  votingRights: true,
  monthlyDueFen: 1000,
  dues: { startMonth: '2025-01', monthlyDues: [{ from: '2025-01', fen: 1000 }] },
  ...overrides,
});

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
