import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { OrgNode, OrgTree } from '@partybuild/org-tree';
import { DevelopmentStepRecord, MemberRecord, TransferRecord } from '../entities';
import { TransferState } from '../domain/member-kinds';
import type { MemberQueries } from '../application/member-queries';
import { effectiveState } from '../domain/transfer';

/** Per-request batching: one statement per kind of lookup, whatever the number of members. */
export function createLoaders(dataSource: DataSource, queries: MemberQueries, today: () => string) {
  const manager = dataSource.manager;
  const orgNode = new DataLoader<string, OrgNode | null>(async (ids) => {
    const nodes = await new OrgTree(manager).nodes(ids);
    return ids.map((id) => nodes.get(id) ?? null);
  });
  const steps = new DataLoader<string, DevelopmentStepRecord[]>(async (ids) => {
    const rows = await manager.find(DevelopmentStepRecord, { where: { memberId: In([...ids]) }, order: { id: 'ASC' } });
    return ids.map((id) => rows.filter((r) => r.memberId === id));
  });
  const paidMonths = new DataLoader<string, Set<string>>(async (ids) => {
    const paid = await queries.paidMonths(ids);
    return ids.map((id) => paid.get(id) ?? new Set());
  });
  const pendingTransfer = new DataLoader<string, TransferRecord | null>(async (ids) => {
    const rows = await manager.find(TransferRecord, { where: { memberId: In([...ids]), state: TransferState.PENDING } });
    // An expired letter is no longer pending, even before anyone marks it.
    return ids.map((id) => rows.find((r) => r.memberId === id && effectiveState(r, today()) === TransferState.PENDING) ?? null);
  });
  const member = new DataLoader<string, MemberRecord | null>(async (ids) => {
    const rows = await manager.find(MemberRecord, { where: { id: In([...ids]) } });
    return ids.map((id) => rows.find((r) => r.id === id) ?? null);
  });
  return { orgNode, steps, paidMonths, pendingTransfer, member };
}

export type MembershipLoaders = ReturnType<typeof createLoaders>;
