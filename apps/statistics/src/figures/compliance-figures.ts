import type { EntityManager } from 'typeorm';
import { BRANCH_LEVEL_KINDS } from '@partybuild/contracts';
import { STATISTICS_RULES } from '../reference/statistics-rules';
import { branchCompliance } from '../domain/compliance';
import { monthsOf, Period } from '@partybuild/calendar';
import { IN_TARGETS } from './targets';

export interface ComplianceFigures {
  due: number;
  met: number;
}

/** 三会一课 due and held for every branch under the targets, over the elapsed units of the period. */
export async function complianceFigures(
  manager: EntityManager,
  targets: string[],
  period: Period,
  asOf: string,
): Promise<Map<string, ComplianceFigures>> {
  const { memberStages, departedStatuses } = STATISTICS_RULES;
  const branches: Array<{ target: string; id: string; members: string }> = await manager.query(
    `WITH ${IN_TARGETS}
     SELECT t.target, n.id,
       (SELECT count(*) FROM stat_member s WHERE s.organization_id = n.id AND s.stage = ANY($3) AND NOT s.status = ANY($4)) AS members
     FROM targets t JOIN org_node n ON n.path @> ARRAY[t.target] WHERE n.kind = ANY($2) AND n.status = 'ACTIVE'`,
    [targets, BRANCH_LEVEL_KINDS, memberStages, departedStatuses],
  );
  const branchIds = [...new Set(branches.map((b) => b.id))];
  const groups: Array<{ id: string; parent_id: string }> = await manager.query(
    `SELECT id, parent_id FROM org_node WHERE kind = 'PARTY_GROUP' AND status = 'ACTIVE' AND parent_id = ANY($1::uuid[])`,
    [branchIds],
  );
  const months = monthsOf(period);
  const held: Array<{ host_id: string; type: string; month: string }> = await manager.query(
    `SELECT DISTINCT host_id, type, month FROM stat_activity
     WHERE status = 'HELD' AND month = ANY($1) AND type = ANY($2) AND host_id = ANY($3::uuid[])`,
    [months, STATISTICS_RULES.threeMeetingsOneLesson, [...branchIds, ...groups.map((g) => g.id)]],
  );
  const heldKeys = new Set(held.map((h) => `${h.host_id}|${h.type}|${h.month}`));
  const wasHeld = (host: string, type: string, unit: string[]) => unit.some((month) => heldKeys.has(`${host}|${type}|${month}`));
  const perBranch = new Map<string, ComplianceFigures>();
  for (const b of branches) {
    if (perBranch.has(b.id)) continue;
    const partyGroups = groups.filter((g) => g.parent_id === b.id).map((g) => g.id);
    perBranch.set(b.id, branchCompliance({ id: b.id, members: Number(b.members), partyGroups }, months, asOf, wasHeld));
  }
  const result = new Map(targets.map((t) => [t, { due: 0, met: 0 }]));
  for (const b of branches) {
    const sum = result.get(b.target)!;
    sum.due += perBranch.get(b.id)!.due;
    sum.met += perBranch.get(b.id)!.met;
  }
  return result;
}
