import type { EntityManager } from 'typeorm';
import { BRANCH_LEVEL_KINDS } from '@partybuild/contracts';
import {
  ORGANIZATIONAL_LIFE,
  THREE_MEETINGS_ONE_LESSON,
  Tally,
  addTallies,
  assessRequirements,
  complianceRulesOn,
  hasCommittee,
  organizationalLife,
  threeMeetingsOneLesson,
} from '@partybuild/compliance';
import type { Period } from '@partybuild/calendar';
import { STATISTICS_RULES } from '../reference/statistics-rules';
import { IN_TARGETS } from './targets';

export interface ComplianceFigures {
  threeMeetingsOneLesson: Tally;
  organizationalLife: Tally;
}

/**
 * 三会一课 and 组织生活 of every branch under the targets, by the shared definition
 * (`@partybuild/compliance`, the same the activity service reports): per branch and Party
 * group, then summed over each target's subtree. An activity counts for its host and its co-hosts.
 */
export async function complianceFigures(
  manager: EntityManager,
  targets: string[],
  period: Period,
  today: string,
): Promise<Map<string, ComplianceFigures>> {
  const { memberStages, departedStatuses } = STATISTICS_RULES;
  // The branches, their Party groups and the meetings of both are found from the targets alone,
  // so the three statements run at once.
  const branchesUnder = `SELECT t.target, n.id, n.kind FROM targets t JOIN org_node n ON n.path @> ARRAY[t.target]
     WHERE n.kind = ANY($2) AND n.status = 'ACTIVE'`;
  const groupsOf = `SELECT g.id, g.parent_id FROM org_node g WHERE g.kind = 'PARTY_GROUP' AND g.status = 'ACTIVE'
     AND g.parent_id IN (SELECT id FROM branches)`;
  const [branches, groups, held]: [
    Array<{ target: string; id: string; kind: string; members: number; seats: number }>,
    Array<{ id: string; parent_id: string }>,
    Array<{ org: string; type: string; month: string; n: number }>,
  ] = await Promise.all([
    manager.query(
      `WITH ${IN_TARGETS}, b AS (${branchesUnder})
       SELECT b.target, b.id, b.kind,
         (SELECT count(*) FROM stat_member s WHERE s.organization_id = b.id AND s.stage = ANY($3) AND NOT s.status = ANY($4))::int AS members,
         coalesce((SELECT c.seats FROM stat_committee c WHERE c.organization_id = b.id), 0) AS seats
       FROM b`,
      [targets, BRANCH_LEVEL_KINDS, memberStages, departedStatuses],
    ),
    manager.query(`WITH ${IN_TARGETS}, branches AS (SELECT DISTINCT id FROM (${branchesUnder}) b) ${groupsOf}`, [
      targets,
      BRANCH_LEVEL_KINDS,
    ]),
    // Held activities by organisation (host or co-host), type and month, over the years the period's slots span.
    // Hosts are joined through the host index and co-hosts found through the co-host index: filtering
    // every activity's unnested hosts would read the whole district's activities for one branch.
    manager.query(
      `WITH ${IN_TARGETS}, branches AS (SELECT DISTINCT id FROM (${branchesUnder}) b),
            orgs AS (SELECT id AS org FROM branches UNION SELECT id FROM (${groupsOf}) g),
            hosted AS (
              SELECT a.host_id AS org, a.type, a.held_on FROM stat_activity a JOIN orgs o ON o.org = a.host_id
              WHERE a.status = 'HELD' AND a.type = ANY($3) AND a.held_on BETWEEN $4::date AND $5::date
              UNION ALL
              SELECT c.org, a.type, a.held_on FROM stat_activity a CROSS JOIN LATERAL unnest(a.co_host_ids) AS c(org)
              JOIN orgs o ON o.org = c.org
              WHERE a.co_host_ids && ARRAY(SELECT org FROM orgs) AND a.status = 'HELD' AND a.type = ANY($3)
                AND a.held_on BETWEEN $4::date AND $5::date)
       SELECT org, type, to_char(held_on, 'YYYY-MM') AS month, count(*)::int AS n FROM hosted
       GROUP BY 1, 2, 3`,
      [
        targets,
        BRANCH_LEVEL_KINDS,
        [...THREE_MEETINGS_ONE_LESSON, ...ORGANIZATIONAL_LIFE],
        `${period.start.slice(0, 4)}-01-01`,
        `${period.end.slice(0, 4)}-12-31`,
      ],
    ),
  ]);
  const heldCount = new Map<string, Array<{ month: string; n: number }>>();
  for (const h of held) heldCount.set(`${h.org}|${h.type}`, [...(heldCount.get(`${h.org}|${h.type}`) ?? []), h]);
  const heldIn = (org: string, type: string, slot: Period) =>
    (heldCount.get(`${org}|${type}`) ?? [])
      .filter((h) => h.month >= slot.start.slice(0, 7) && h.month <= slot.end.slice(0, 7))
      .reduce((n, h) => n + h.n, 0);

  const groupsOfBranch = new Map<string, string[]>();
  for (const g of groups) groupsOfBranch.set(g.parent_id, [...(groupsOfBranch.get(g.parent_id) ?? []), g.id]);

  const rules = complianceRulesOn(period.start);
  const perBranch = new Map<string, ComplianceFigures>();
  for (const b of branches) {
    if (perBranch.has(b.id)) continue;
    const subject = {
      id: b.id,
      kind: b.kind,
      branchLevel: true,
      hasCommittee: hasCommittee(b.members, Number(b.seats), rules),
      partyGroupIds: groupsOfBranch.get(b.id) ?? [],
    };
    const results = assessRequirements(subject, rules.requirements, period, today, heldIn);
    perBranch.set(b.id, { threeMeetingsOneLesson: threeMeetingsOneLesson(results), organizationalLife: organizationalLife(results) });
  }
  const none = (): ComplianceFigures => ({
    threeMeetingsOneLesson: { required: 0, held: 0 },
    organizationalLife: { required: 0, held: 0 },
  });
  const result = new Map(targets.map((t) => [t, none()]));
  for (const b of branches) {
    const sum = result.get(b.target)!;
    const own = perBranch.get(b.id)!;
    result.set(b.target, {
      threeMeetingsOneLesson: addTallies(sum.threeMeetingsOneLesson, own.threeMeetingsOneLesson),
      organizationalLife: addTallies(sum.organizationalLife, own.organizationalLife),
    });
  }
  return result;
}
