import type { EntityManager } from 'typeorm';
import { MEMBERSHIP_EVENT_VERSIONS, MemberEventData, MembershipEventType } from '@partybuild/contracts';
import type { EventEnvelope, EventHandler } from '@partybuild/events';

/**
 * Who belongs to which organisation and at which stage, from the membership events (ids only; an
 * older event changes nothing). The stage tells whether a branch is large enough for a committee.
 */
async function upsertMember(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const { member: m } = event.data as unknown as MemberEventData;
  await manager.query(
    `INSERT INTO member (id, organization_id, status, stage, as_of) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET organization_id = EXCLUDED.organization_id, status = EXCLUDED.status, stage = EXCLUDED.stage,
       as_of = EXCLUDED.as_of
     WHERE member.as_of <= EXCLUDED.as_of`,
    [m.id, m.organizationId, m.status, m.stage, event.time],
  );
}

export const memberHandlers: Record<string, { versions: number[]; handle: EventHandler }> = Object.fromEntries(
  Object.values(MembershipEventType).map((type) => [type, { versions: [...MEMBERSHIP_EVENT_VERSIONS], handle: upsertMember }]),
);
