import type { EntityManager } from 'typeorm';
import { OrganizationEventData, OrganizationEventType, OrganizationMovedData } from '@partybuild/contracts';
import type { EventEnvelope, EventHandler, HandlerEntry } from '@partybuild/events';

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

/** The path an event places its node under when the parent is not known: as sent, or the move's target. */
function pathSent(event: EventEnvelope): string[] {
  if (event.type !== OrganizationEventType.MOVED) return event.organizationpath;
  const data = event.data as unknown as OrganizationMovedData;
  return [...data.toPath, data.organization.id];
}

/**
 * A run of organisation events in a few statements, leaving the tree as `upsertNode` and
 * `moveNode` applied one by one would: each node is written once, with its last snapshot and
 * its parent's path as stored or written earlier in the run; then every node of the run whose
 * descendants do not start with its path (it moved, or its children arrived first) re-roots
 * them, shallowest first, which also corrects a node of the run placed under a stale path.
 */
async function applyTreeRun(events: EventEnvelope[], manager: EntityManager): Promise<void> {
  const snapshots = events.map((e) => (e.data as unknown as OrganizationEventData).organization);
  const ids = [...new Set(snapshots.flatMap((o) => (o.parentId ? [o.id, o.parentId] : [o.id])))];
  const stored: Array<{ id: string; path: string[] }> = await manager.query(`SELECT id, path FROM org_node WHERE id = ANY($1::uuid[])`, [
    ids,
  ]);
  const paths = new Map(stored.map((r) => [r.id, r.path]));
  const latest = new Map<string, OrganizationEventData['organization']>();
  events.forEach((event, i) => {
    const o = snapshots[i];
    const parentPath = o.parentId ? paths.get(o.parentId) : undefined;
    const path = parentPath ? [...parentPath, o.id] : pathSent(event);
    paths.set(o.id, path);
    latest.set(o.id, o);
  });
  const rows = [...latest.values()].map((o) => ({
    id: o.id,
    parent_id: o.parentId,
    code: o.code,
    name: o.name,
    kind: o.kind,
    sector: o.sector,
    status: o.status,
    term_ends_on: o.termEndsOn,
    path: paths.get(o.id),
  }));
  await manager.query(
    `INSERT INTO org_node (id, parent_id, code, name, kind, sector, status, term_ends_on, path)
     SELECT id, parent_id, code, name, kind, sector, status, term_ends_on, path
     FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, parent_id uuid, code text, name text, kind text, sector text, status text,
                                            term_ends_on date, path uuid[])
     ON CONFLICT (id) DO UPDATE SET parent_id = EXCLUDED.parent_id, code = EXCLUDED.code, name = EXCLUDED.name,
       kind = EXCLUDED.kind, sector = EXCLUDED.sector, status = EXCLUDED.status, term_ends_on = EXCLUDED.term_ends_on,
       path = EXCLUDED.path`,
    [JSON.stringify(rows)],
  );
  const stale: Array<{ id: string }> = await manager.query(
    `SELECT n.id FROM org_node n WHERE n.id = ANY($1::uuid[]) AND EXISTS (
       SELECT 1 FROM org_node d WHERE d.path @> ARRAY[n.id] AND d.id <> n.id AND d.path[1:cardinality(n.path)] <> n.path)
     ORDER BY cardinality(n.path)`,
    [rows.map((r) => r.id)],
  );
  for (const { id } of stale) await reroot(manager, id);
}

const v1 = (handle: EventHandler) => ({ versions: [1], handle, handleMany: applyTreeRun });

/** Handlers for the idempotent consumer that keeps `org_node` up to date. */
export const orgTreeHandlers: Record<string, HandlerEntry> = {
  [OrganizationEventType.CREATED]: v1(upsertNode),
  [OrganizationEventType.UPDATED]: v1(upsertNode),
  [OrganizationEventType.DISSOLVED]: v1(upsertNode),
  [OrganizationEventType.ELECTION_RECORDED]: v1(upsertNode),
  [OrganizationEventType.COMMITTEE_CHANGED]: v1(upsertNode),
  [OrganizationEventType.MOVED]: v1(moveNode),
};
