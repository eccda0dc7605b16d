import DataLoader from 'dataloader';
import { DataSource, In, IsNull } from 'typeorm';
import { CommitteeMemberRecord, ElectionRecord, OrganizationRecord } from '../entities';
import { OrganizationStatus } from '../domain/organization-kind';
import { BranchFigures } from '../domain/structural-rules';
import { branchFigures } from '../application/branch-figures';

export interface ChildrenWindow {
  limit: number;
  offset: number;
  includeDissolved: boolean;
  kinds: string[];
  sectors: string[];
}

/** Per-request batching: one query per kind of lookup, whatever the number of parents. */
export function createLoaders(dataSource: DataSource) {
  const manager = dataSource.manager;
  const byId = new DataLoader<string, OrganizationRecord | null>(async (ids) => {
    const rows = await manager.find(OrganizationRecord, { where: { id: In([...ids]) } });
    const found = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => found.get(id) ?? null);
  });

  const committees = new DataLoader<string, CommitteeMemberRecord[]>(async (ids) => {
    const rows = await manager.find(CommitteeMemberRecord, {
      where: { organizationId: In([...ids]), endedOn: IsNull() },
      order: { role: 'ASC', personName: 'ASC' },
    });
    return ids.map((id) => rows.filter((r) => r.organizationId === id));
  });

  const elections = new DataLoader<string, ElectionRecord[]>(async (ids) => {
    const rows = await manager.find(ElectionRecord, { where: { organizationId: In([...ids]) }, order: { heldOn: 'DESC' } });
    return ids.map((id) => rows.filter((r) => r.organizationId === id));
  });

  /** Children pages for many parents at once: a window function numbers each parent's children. */
  const childrenLoaders = new Map<string, DataLoader<string, { items: OrganizationRecord[]; total: number }>>();
  const children = (window: ChildrenWindow) => {
    const key = JSON.stringify(window);
    let loader = childrenLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (parentIds) => {
        const params = [parentIds, window.includeDissolved, OrganizationStatus.ACTIVE, window.kinds, window.sectors];
        const filter = `parent_id = ANY($1::uuid[]) AND ($2 OR status = $3)
          AND (cardinality($4::text[]) = 0 OR kind = ANY($4)) AND (cardinality($5::text[]) = 0 OR sector = ANY($5))`;
        const counted: Array<{ parent_id: string; total: string }> = await manager.query(
          `SELECT parent_id, count(*) AS total FROM organization WHERE ${filter} GROUP BY parent_id`,
          params,
        );
        const rows: Array<{ id: string; parent_id: string }> = await manager.query(
          `SELECT id, parent_id FROM (
             SELECT id, parent_id, row_number() OVER (PARTITION BY parent_id ORDER BY code) AS n
             FROM organization WHERE ${filter}) numbered
           WHERE n > $6 AND n <= $6 + $7`,
          [...params, window.offset, window.limit],
        );
        const records = await byId.loadMany(rows.map((r) => r.id));
        const totals = new Map(counted.map((c) => [c.parent_id, Number(c.total)]));
        const items = new Map<string, OrganizationRecord[]>();
        rows.forEach((row, i) => {
          const list = items.get(row.parent_id) ?? [];
          list.push(records[i] as OrganizationRecord);
          items.set(row.parent_id, list);
        });
        return parentIds.map((id) => ({ items: items.get(id) ?? [], total: totals.get(id) ?? 0 }));
      });
      childrenLoaders.set(key, loader);
    }
    return loader;
  };

  const figures = new DataLoader<string, BranchFigures>(async (ids) => {
    const found = await branchFigures(manager, ids);
    return ids.map((id) => found.get(id) ?? { members: 0, fullMembers: 0, committeeMembers: 0 });
  });

  return { byId, committees, elections, children, figures };
}

export type OrganizationLoaders = ReturnType<typeof createLoaders>;
