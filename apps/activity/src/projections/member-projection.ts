import type { EntityManager } from 'typeorm';
import { MEMBERSHIP_EVENT_VERSIONS, MemberEventData, MembershipEventType } from '@partybuild/contracts';
import type { EventEnvelope, EventHandler } from '@partybuild/events';

/**
 * The activity service's copy of who belongs where, from the membership events: exactly the
 * member snapshot of the contract. An older event arriving after a newer one changes nothing.
 */
async function upsertMember(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const { member: m } = event.data as unknown as MemberEventData;
  await manager.query(
    `INSERT INTO member (id, organization_id, party_group_id, stage, status, voting_rights, as_of)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET organization_id = EXCLUDED.organization_id, party_group_id = EXCLUDED.party_group_id,
       stage = EXCLUDED.stage, status = EXCLUDED.status, voting_rights = EXCLUDED.voting_rights, as_of = EXCLUDED.as_of
     WHERE member.as_of <= EXCLUDED.as_of`,
    [m.id, m.organizationId, m.partyGroupId, m.stage, m.status, m.votingRights, event.time],
  );
}

const member = (handle: EventHandler) => ({ versions: [...MEMBERSHIP_EVENT_VERSIONS], handle });

export const memberHandlers: Record<string, { versions: number[]; handle: EventHandler }> = Object.fromEntries(
  Object.values(MembershipEventType).map((type) => [type, member(upsertMember)]),
);
