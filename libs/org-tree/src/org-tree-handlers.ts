import type { EntityManager } from 'typeorm';
import { OrganizationEventData, OrganizationEventType, OrganizationMovedData } from '@partybuild/contracts';
import type { EventEnvelope, EventHandler } from '@partybuild/events';

/**
 * Writes a node. Its path is taken from its parent's current path when the parent is known,
 * so a node stays right even when another organisation's move was applied before it; nodes
 * already below it follow.
 */
async function upsertNode(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const { organization: o } = event.data as unknown as OrganizationEventData;
  await manager.query(
    `INSERT INTO org_node (id, parent_id, code, name, kind, sector, status, term_ends_on, path)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8,
             coalesce((SELECT p.path || $1::uuid FROM org_node p WHERE p.id = $2), $9::uuid[]))
     ON CONFLICT (id) DO UPDATE SET parent_id = EXCLUDED.parent_id, code = EXCLUDED.code, name = EXCLUDED.name,
       kind = EXCLUDED.kind, sector = EXCLUDED.sector, status = EXCLUDED.status, term_ends_on = EXCLUDED.term_ends_on,
       path = EXCLUDED.path`,
    [o.id, o.parentId, o.code, o.name, o.kind, o.sector, o.status, o.termEndsOn, event.organizationpath],
  );
  await reroot(manager, o.id);
}

/** Gives every node below `id` the path of `id` followed by its own part below `id`. */
async function reroot(manager: EntityManager, id: string): Promise<void> {
  await manager.query(
    `UPDATE org_node d SET path = n.path || d.path[array_position(d.path, $1::uuid) + 1 :]
     FROM org_node n WHERE n.id = $1 AND d.path @> ARRAY[$1::uuid] AND d.id <> $1`,
    [id],
  );
}

async function moveNode(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const data = event.data as unknown as OrganizationMovedData;
  await upsertNode({ ...event, organizationpath: [...data.toPath, data.organization.id] }, manager);
}

const v1 = (handle: EventHandler) => ({ versions: [1], handle });

/** Handlers for the idempotent consumer that keeps `org_node` up to date. */
export const orgTreeHandlers: Record<string, { versions: number[]; handle: EventHandler }> = {
  [OrganizationEventType.CREATED]: v1(upsertNode),
  [OrganizationEventType.UPDATED]: v1(upsertNode),
  [OrganizationEventType.DISSOLVED]: v1(upsertNode),
  [OrganizationEventType.ELECTION_RECORDED]: v1(upsertNode),
  [OrganizationEventType.COMMITTEE_CHANGED]: v1(upsertNode),
  [OrganizationEventType.MOVED]: v1(moveNode),
};
