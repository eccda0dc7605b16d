import type { EntityManager } from 'typeorm';
import { BRANCH_LEVEL_KINDS } from '@partybuild/contracts';

export interface OrgNode {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  kind: string;
  sector: string;
  status: string;
  termEndsOn: string | null;
  /** Root first, the node itself last. */
  path: string[];
}

/** Where a list of nodes may come from: below one node, and/or within a caller's scope. */
export interface NodeFilter {
  /** Only this node and the ones below it. */
  under?: string | null;
  /** Only nodes at or below one of these (a caller's scope); null or absent: the whole district. */
  within?: readonly string[] | null;
}

// The one place that knows the read model's columns; every service reads its copy through this class.
const COLUMNS = `id, parent_id AS "parentId", code, name, kind, sector, status, term_ends_on::text AS "termEndsOn", path`;

/** Reads of a service's copy of the organisation tree. */
export class OrgTree {
  constructor(private readonly manager: EntityManager) {}

  async node(id: string): Promise<OrgNode | null> {
    const rows = await this.manager.query(`SELECT ${COLUMNS} FROM org_node WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  async nodes(ids: readonly string[]): Promise<Map<string, OrgNode>> {
    const rows: OrgNode[] = await this.manager.query(`SELECT ${COLUMNS} FROM org_node WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** Nodes by their organisation code (机构编码), as import files name them. */
  async byCodes(codes: readonly string[]): Promise<Map<string, OrgNode>> {
    const rows: OrgNode[] = await this.manager.query(`SELECT ${COLUMNS} FROM org_node WHERE code = ANY($1::text[])`, [codes]);
    return new Map(rows.map((r) => [r.code, r]));
  }

  /** The active nodes of one kind, in code order. */
  async activeOfKind(kind: string, filter: NodeFilter = {}): Promise<OrgNode[]> {
    return this.manager.query(
      `SELECT ${COLUMNS} FROM org_node
       WHERE kind = $1 AND status = 'ACTIVE' AND ($2::uuid IS NULL OR path @> ARRAY[$2::uuid])
         AND ($3::uuid[] IS NULL OR path && $3::uuid[])
       ORDER BY code`,
      [kind, filter.under ?? null, filter.within ?? null],
    );
  }

  /** The active nodes at or below any of `roots` (a subtree, or a caller's scope), each parent before its children. */
  async activeWithin(roots: readonly string[]): Promise<OrgNode[]> {
    return this.manager.query(
      `SELECT ${COLUMNS} FROM org_node WHERE path && $1::uuid[] AND status = 'ACTIVE' ORDER BY cardinality(path), code`,
      [roots],
    );
  }

  /** The ids of a node and everything below it. */
  async subtreeIds(id: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.manager.query(`SELECT id FROM org_node WHERE path @> ARRAY[$1::uuid]`, [id]);
    return rows.map((r) => r.id);
  }
}

export const isBranchLevel = (node: Pick<OrgNode, 'kind'>): boolean => (BRANCH_LEVEL_KINDS as readonly string[]).includes(node.kind);
