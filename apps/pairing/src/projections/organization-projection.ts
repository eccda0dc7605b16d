import type { EntityManager } from 'typeorm';
import { OrganizationEventData, OrganizationEventType } from '@partybuild/contracts';
import type { EventEnvelope, EventHandler } from '@partybuild/events';
import { orgTreeHandlers } from '@partybuild/org-tree';

/** The tree copy (libs/org-tree) plus what pairing needs beyond it: an agency's department category. */
async function keepCategory(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const { organization: o } = event.data as unknown as OrganizationEventData;
  await manager.query(
    `INSERT INTO org_category (organization_id, department_category) VALUES ($1, $2)
     ON CONFLICT (organization_id) DO UPDATE SET department_category = EXCLUDED.department_category`,
    [o.id, o.departmentCategory ?? null],
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
        },
      },
    ];
  }),
);
