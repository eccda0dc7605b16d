import type { EntityManager } from 'typeorm';
import type { Period } from '@partybuild/calendar';
import { NEVER_PUBLISHED, PUBLISHED_BY_EVENTS, PioneerFact } from '../domain/pioneer';

export interface PioneerPointRow {
  memberId: string;
  fact: string;
  month: string;
  points: number;
  detail: string;
}

export interface PioneerStanding {
  memberId: string;
  total: number;
  rankInBranch: number;
  branchSize: number;
  /** Within the nearest Party committee (党委) above the branch; null when there is none. */
  rankInCommittee: number | null;
  committeeSize: number | null;
}

const GONE_STATUSES = ['TRANSFERRED_OUT', 'DECEASED', 'EXPELLED'];
const MEMBER_STAGES = ['PROBATIONARY', 'FULL'];
const monthsOf = (p: Period) => [p.start.slice(0, 7), p.end.slice(0, 7)];

/**
 * 党员先锋指数 of many members for a period: their total (kept by the database per member and
 * period as points are written, `pioneer_total`), ranked among the current members of their
 * branch and of their Party committee. Ties share a rank; a peer without points has 0.
 */
export async function pioneerStandings(
  manager: EntityManager,
  memberIds: readonly string[],
  period: Period,
): Promise<Map<string, PioneerStanding>> {
  const rows: PioneerStanding[] = await manager.query(
    `WITH target AS (
       SELECT m.id, m.organization_id AS branch,
              (SELECT c.id FROM org_node c WHERE c.id = ANY(n.path) AND c.kind = 'PARTY_COMMITTEE' ORDER BY cardinality(c.path) DESC LIMIT 1) AS committee
       FROM member m JOIN org_node n ON n.id = m.organization_id WHERE m.id = ANY($1::uuid[])),
     own AS (
       SELECT t.id, t.branch, t.committee, coalesce(pt.points, 0) AS total
       FROM target t LEFT JOIN pioneer_total pt ON pt.period = $2 AND pt.member_id = t.id)
     SELECT o.id AS "memberId", o.total::float AS total, b.above + 1 AS "rankInBranch", greatest(b.size, 1) AS "branchSize",
            CASE WHEN o.committee IS NULL THEN NULL ELSE c.above + 1 END AS "rankInCommittee",
            CASE WHEN o.committee IS NULL THEN NULL ELSE greatest(c.size, 1) END AS "committeeSize"
     FROM own o
     CROSS JOIN LATERAL (
       SELECT count(*) FILTER (WHERE coalesce(pt.points, 0) > o.total)::int AS above, count(*)::int AS size
       FROM member m LEFT JOIN pioneer_total pt ON pt.period = $2 AND pt.member_id = m.id
       WHERE m.organization_id = o.branch AND m.stage = ANY($3::text[]) AND m.status <> ALL($4::text[])) b
     CROSS JOIN LATERAL (
       SELECT count(*) FILTER (WHERE coalesce(pt.points, 0) > o.total)::int AS above, count(*)::int AS size
       FROM org_node u JOIN member m ON m.organization_id = u.id LEFT JOIN pioneer_total pt ON pt.period = $2 AND pt.member_id = m.id
       WHERE o.committee IS NOT NULL AND u.path @> ARRAY[o.committee] AND m.stage = ANY($3::text[]) AND m.status <> ALL($4::text[])) c`,
    [memberIds, period.label, MEMBER_STAGES, GONE_STATUSES],
  );
  return new Map(rows.map((r) => [r.memberId, r]));
}

/** Every fact behind a member's points in a period: the breakdown that explains the index. */
export async function pioneerBreakdown(manager: EntityManager, memberIds: readonly string[], period: Period): Promise<PioneerPointRow[]> {
  const [from, to] = monthsOf(period);
  return manager.query(
    `SELECT member_id AS "memberId", fact, month, points::float AS points, detail FROM pioneer_point
     WHERE member_id = ANY($1::uuid[]) AND month BETWEEN $2 AND $3 ORDER BY month, fact, source_id`,
    [memberIds, from, to],
  );
}

/**
 * 党员先锋指数 of an organisation's own current members (those whose branch it is) for a year:
 * how many and the sum of their points. Frozen with a closed round and published with its
 * stars, so the statistics can average it over any subtree without counting a member twice.
 */
export async function pioneerOfOrganization(
  manager: EntityManager,
  organizationId: string,
  year: number,
): Promise<{ members: number; points: number }> {
  const [row] = await manager.query(
    `SELECT count(*)::int AS members, coalesce(sum(p.total), 0)::float AS points
     FROM member m
     LEFT JOIN LATERAL (SELECT sum(pt.points) AS total FROM pioneer_point pt
                        WHERE pt.member_id = m.id AND pt.month BETWEEN $2 AND $3) p ON true
     WHERE m.organization_id = $1 AND m.stage IN ('PROBATIONARY', 'FULL') AND m.status <> ALL($4::text[])`,
    [organizationId, `${year}-01`, `${year}-12`, GONE_STATUSES],
  );
  return { members: row.members, points: Math.round(row.points * 100) / 100 };
}

/** The facts that show "no data": those no event names members for, and those whose first event has not arrived. */
export async function pioneerFactsWithoutData(manager: EntityManager): Promise<PioneerFact[]> {
  const rows: Array<{ fact: PioneerFact }> = await manager.query(`SELECT fact FROM published_fact WHERE fact = ANY($1::text[])`, [
    PUBLISHED_BY_EVENTS,
  ]);
  const published = new Set(rows.map((r) => r.fact));
  return [...PUBLISHED_BY_EVENTS.filter((f) => !published.has(f)), ...NEVER_PUBLISHED];
}
