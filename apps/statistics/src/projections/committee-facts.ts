import type { EntityManager } from 'typeorm';
import { OrganizationEventData, OrganizationEventType } from '@partybuild/contracts';
import type { EventEnvelope, HandlerEntry } from '@partybuild/events';
import { orgTreeHandlers } from '@partybuild/org-tree';

/** The seats of an organisation's committee as the latest `committee-changed` lists them. */
async function recordCommittee(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const { organization } = event.data as unknown as OrganizationEventData;
  const seats = (event.data as { committee?: Array<{ role: string; memberId?: string | null }> }).committee ?? [];
  const distinct = new Set(seats.map((s) => `${s.role}|${s.memberId ?? ''}`)).size;
  await manager.query(
    `INSERT INTO stat_committee (organization_id, seats) VALUES ($1, $2)
     ON CONFLICT (organization_id) DO UPDATE SET seats = EXCLUDED.seats`,
    [organization.id, distinct],
  );
}

/** The organisation tree (shared handlers) plus the committees' sizes. */
export const organizationFactHandlers: Record<string, HandlerEntry> = {
  ...orgTreeHandlers,
  [OrganizationEventType.COMMITTEE_CHANGED]: {
    versions: [1],
    handle: async (event, manager) => {
      await orgTreeHandlers[OrganizationEventType.COMMITTEE_CHANGED].handle(event, manager);
      await recordCommittee(event, manager);
    },
  },
};
