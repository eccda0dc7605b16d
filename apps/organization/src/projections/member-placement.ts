import type { EntityManager } from 'typeorm';
import { MEMBERSHIP_EVENT_VERSIONS, MEMBERSHIP_TOPIC, MemberEventData, MembershipEventType } from '@partybuild/contracts';
import type { EventEnvelope, EventHandler } from '@partybuild/events';

/** Every membership event carries the member as of the event: keep the latest placement. */
async function placeMember(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const { member } = event.data as unknown as MemberEventData;
  await manager.query(
    `INSERT INTO member_placement (member_id, organization_id, stage, status) VALUES ($1, $2, $3, $4)
     ON CONFLICT (member_id) DO UPDATE SET organization_id = EXCLUDED.organization_id, stage = EXCLUDED.stage, status = EXCLUDED.status`,
    [member.id, member.organizationId, member.stage, member.status],
  );
}

const member = { versions: [...MEMBERSHIP_EVENT_VERSIONS], handle: placeMember as EventHandler };

export const memberPlacementConsumer = {
  groupId: 'organization.member-placement',
  topics: [MEMBERSHIP_TOPIC],
  handlers: Object.fromEntries(Object.values(MembershipEventType).map((type) => [type, member])),
};
