import type { EntityManager } from 'typeorm';
import { BRANCH_LEVEL_KINDS } from '@partybuild/contracts';
import { THREE_MEETINGS_ONE_LESSON, complianceRulesOn, hasCommittee } from '@partybuild/compliance';
import type { Period } from '@partybuild/calendar';
import { VillageBranch, VillageCompliance, complianceWindow, judgeVillageCompliance } from '../domain/weak-organization';
import { pairingRulesOn } from '../reference/pairing-rules';

/**
 * The compliance projection read for many villages at once: their branch-level organisations
 * and Party groups (the tree copy), members and committee sizes, and the meetings held in the
 * window (`meeting_held`, from the activity events) — four queries whatever the number of villages.
 */
export async function villagesCompliance(
  manager: EntityManager,
  villageIds: readonly string[],
  today: string,
): Promise<Map<string, VillageCompliance>> {
  const rules = pairingRulesOn(today).weakOrganization;
  const window = complianceWindow(today, rules.complianceQuarters);
  const nodes: Array<{ village: string; id: string; name: string; kind: string; parent_id: string | null }> = await manager.query(
    `SELECT v.village, n.id, n.name, n.kind, n.parent_id FROM unnest($1::uuid[]) AS v(village)
     JOIN org_node n ON n.path @> ARRAY[v.village] WHERE n.status = 'ACTIVE' AND (n.kind = ANY($2::text[]) OR n.kind = 'PARTY_GROUP')
     ORDER BY n.code, n.id`,
    [villageIds, BRANCH_LEVEL_KINDS],
  );
  const branchIds = [...new Set(nodes.filter((n) => n.kind !== 'PARTY_GROUP').map((n) => n.id))];
  const [members, seats, held] = await Promise.all([
    manager.query(
      `SELECT organization_id AS id, count(*)::int AS n FROM member
       WHERE organization_id = ANY($1::uuid[]) AND stage = ANY($2::text[]) AND status <> ALL($3::text[]) GROUP BY 1`,
      [branchIds, rules.committeeStages, rules.goneStatuses],
    ) as Promise<Array<{ id: string; n: number }>>,
    manager.query(`SELECT organization_id AS id, seats AS n FROM committee_size WHERE organization_id = ANY($1::uuid[])`, [
      branchIds,
    ]) as Promise<Array<{ id: string; n: number }>>,
    heldByMonth(manager, [...new Set(nodes.map((n) => n.id))], window),
  ]);
  const memberCount = new Map(members.map((r) => [r.id, r.n]));
  const seatCount = new Map(seats.map((r) => [r.id, r.n]));
  const complianceRules = complianceRulesOn(window.start);
  const result = new Map<string, VillageCompliance>();
  for (const village of villageIds) {
    const mine = nodes.filter((n) => n.village === village);
    const branches: VillageBranch[] = mine
      .filter((n) => n.kind !== 'PARTY_GROUP')
      .map((n) => ({
        id: n.id,
        name: n.name,
        kind: n.kind,
        branchLevel: true,
        hasCommittee: hasCommittee(memberCount.get(n.id) ?? 0, seatCount.get(n.id) ?? 0, complianceRules),
        partyGroupIds: mine.filter((g) => g.kind === 'PARTY_GROUP' && g.parent_id === n.id).map((g) => g.id),
      }));
    result.set(village, judgeVillageCompliance(village, branches, window, today, held, rules.complianceBelow));
  }
  return result;
}

/** Meetings of the four kinds held by each organisation (host or co-host), by kind and month, as the shared definition asks. */
async function heldByMonth(manager: EntityManager, orgIds: string[], window: Period) {
  const rows: Array<{ org: string; type: string; month: string; n: number }> = await manager.query(
    `SELECT h.org, m.type, to_char(m.held_on, 'YYYY-MM') AS month, count(*)::int AS n
     FROM meeting_held m CROSS JOIN LATERAL unnest(array_prepend(m.host_id, m.co_host_ids)) AS h(org)
     WHERE m.status = 'HELD' AND m.type = ANY($2::text[]) AND h.org = ANY($1::uuid[]) AND m.held_on BETWEEN $3::date AND $4::date
     GROUP BY 1, 2, 3`,
    [orgIds, THREE_MEETINGS_ONE_LESSON, window.start, window.end],
  );
  const counts = new Map<string, Array<{ month: string; n: number }>>();
  for (const r of rows) counts.set(`${r.org}|${r.type}`, [...(counts.get(`${r.org}|${r.type}`) ?? []), r]);
  return (org: string, type: string, slot: Period) =>
    (counts.get(`${org}|${type}`) ?? [])
      .filter((h) => h.month >= slot.start.slice(0, 7) && h.month <= slot.end.slice(0, 7))
      .reduce((n, h) => n + h.n, 0);
}
