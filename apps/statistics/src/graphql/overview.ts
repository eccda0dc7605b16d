import type { EntityManager } from 'typeorm';
import { Caller, reach } from '@partybuild/auth';
import { OrgNode, OrgTree } from '@partybuild/org-tree';
import type { Figures } from '../figures/figures';

/** The active units of one kind, under an organisation or in the whole district, within the caller's scope. */
export function unitsOfKind(manager: EntityManager, caller: Caller, kind: string, under: string | null): Promise<OrgNode[]> {
  const { anywhere, roots } = reach(caller, 'statistics.read');
  return new OrgTree(manager).activeOfKind(kind, { under, within: anywhere ? null : roots });
}

export enum OverviewSort {
  CODE = 'CODE',
  MEMBERS = 'MEMBERS',
  NEW_MEMBERS = 'NEW_MEMBERS',
  ACTIVITIES_HELD = 'ACTIVITIES_HELD',
  ATTENDANCE_RATE = 'ATTENDANCE_RATE',
  COMPLIANCE_RATE = 'COMPLIANCE_RATE',
  DUES_COLLECTED = 'DUES_COLLECTED',
  BRANCHES_UNDER_THREE = 'BRANCHES_UNDER_THREE',
  ELECTIONS_OVERDUE = 'ELECTIONS_OVERDUE',
}

const sortValue: Record<OverviewSort, (f: Figures) => number> = {
  [OverviewSort.CODE]: () => 0,
  [OverviewSort.MEMBERS]: (f) => f.members.total,
  [OverviewSort.NEW_MEMBERS]: (f) => f.members.newMembers,
  [OverviewSort.ACTIVITIES_HELD]: (f) => f.activities.held,
  [OverviewSort.ATTENDANCE_RATE]: (f) => f.activities.attendanceRate ?? -1,
  [OverviewSort.COMPLIANCE_RATE]: (f) => f.activities.complianceRate ?? -1,
  [OverviewSort.DUES_COLLECTED]: (f) => f.dues.collectedFen,
  [OverviewSort.BRANCHES_UNDER_THREE]: (f) => f.branches.underThreeFullMembers,
  [OverviewSort.ELECTIONS_OVERDUE]: (f) => f.branches.electionsOverdue,
};

/** Sorts units by a figure (ties by code); CODE keeps the code order. */
export function sortUnits<T extends { node: OrgNode; figures: Figures }>(units: T[], by: OverviewSort, descending: boolean): T[] {
  if (by === OverviewSort.CODE) return descending ? [...units].reverse() : units;
  const sign = descending ? -1 : 1;
  return [...units].sort((a, b) => sign * (sortValue[by](a.figures) - sortValue[by](b.figures)) || a.node.code.localeCompare(b.node.code));
}
