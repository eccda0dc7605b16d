import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { OrgNode, OrgTree } from './org-tree';

/** Per-request batching of tree nodes: one query for every node a response shows. */
export const nodeLoader = (manager: EntityManager): DataLoader<string, OrgNode | null> =>
  new DataLoader(async (ids) => {
    const found = await new OrgTree(manager).nodes(ids);
    return ids.map((id) => found.get(id) ?? null);
  });

/**
 * Each member's organisation path (root first), for scope checks, from the service's member read
 * model (a `member` table with `id` and `organization_id`) and its copy of the tree. Null for a
 * member the service does not know; empty for one whose organisation has not arrived yet.
 */
export const memberPathLoader = (manager: EntityManager): DataLoader<string, string[] | null> =>
  new DataLoader(async (ids) => {
    const rows: Array<{ id: string; path: string[] | null }> = await manager.query(
      `SELECT m.id, n.path FROM member m LEFT JOIN org_node n ON n.id = m.organization_id WHERE m.id = ANY($1::uuid[])`,
      [ids],
    );
    const found = new Map(rows.map((r) => [r.id, r.path ?? []]));
    return ids.map((id) => found.get(id) ?? null);
  });
