import type { EntityManager } from 'typeorm';
import { OrganizationEventData, OrganizationEventType } from '@partybuild/contracts';
import type { EventEnvelope, EventHandler } from '@partybuild/events';
import { orgTreeHandlers } from '@partybuild/org-tree';

/** The tree copy (libs/org-tree) plus what pairing needs beyond it: an agency's department category, committees' sizes. */
async function keepCategory(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const { organization: o } = event.data as unknown as OrganizationEventData;
  await manager.query(
    `INSERT INTO org_category (organization_id, department_category) VALUES ($1, $2)
     ON CONFLICT (organization_id) DO UPDATE SET department_category = EXCLUDED.department_category`,
    [o.id, o.departmentCategory ?? null],
  );
}

/** How many seats a committee has, from `organization.committee-changed` (the whole committee as of the event). */
async function keepCommitteeSize(event: EventEnvelope, manager: EntityManager): Promise<void> {
  if (event.type !== OrganizationEventType.COMMITTEE_CHANGED) return;
  const { organization: o } = event.data as unknown as OrganizationEventData;
  const seats = ((event.data as { committee?: unknown[] }).committee ?? []).length;
  await manager.query(
    `INSERT INTO committee_size (organization_id, seats, as_of) VALUES ($1, $2, $3)
     ON CONFLICT (organization_id) DO UPDATE SET seats = EXCLUDED.seats, as_of = EXCLUDED.as_of
     WHERE committee_size.as_of <= EXCLUDED.as_of`,
    [o.id, seats, event.time],
  );
}

export const organizationHandlers: Record<string, { versions: number[]; handle: EventHandler }> = Object.fromEntries(
  Object.values(OrganizationEventType).map((type) => {
    const tree = orgTreeHandlers[type];
    return [
      type,
      {
        versions: tree.versions,
        handle: async (event: EventEnvelope, manager: EntityManager) => {
          await tree.handle(event, manager);
          await keepCategory(event, manager);
          await keepCommitteeSize(event, manager);
        },
      },
    ];
  }),
);
