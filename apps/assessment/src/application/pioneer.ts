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

const monthsOf = (p: Period) => [p.start.slice(0, 7), p.end.slice(0, 7)];

/**
 * How many of a group's current members (`is_current`) rank above a total: two index range counts
 * on the totals the database keeps with each member's branch and committee (docs/adr/0054). A peer
 * without a total has 0, which is above a negative total and not above any other.
 */
const peersAbove = (group: 'branch_id' | 'committee_id', own: string) => `CASE WHEN t.total >= 0
    THEN (SELECT count(*) FROM pioneer_total pt WHERE pt.period = $2 AND pt.${group} = t.${own} AND pt.is_current AND pt.points > t.total)
    ELSE s.size - (SELECT count(*) FROM pioneer_total pt WHERE pt.period = $2 AND pt.${group} = t.${own} AND pt.is_current AND pt.points <= t.total)
  END::int`;

/**
 * 党员先锋指数 of many members for a period: their total (kept by the database per member and
 * period as points are written, `pioneer_total`), ranked among the current members of their
 * branch and of their Party committee (the nearest 党委 above the branch, `member.committee_id`).
 * Ties share a rank; a peer without points has 0.
 */
export async function pioneerStandings(
  manager: EntityManager,
  memberIds: readonly string[],
  period: Period,
): Promise<Map<string, PioneerStanding>> {
  const rows: PioneerStanding[] = await manager.query(
    `WITH target AS (
       SELECT m.id, m.organization_id AS branch, m.committee_id AS committee, coalesce(pt.points, 0) AS total
       FROM member m LEFT JOIN pioneer_total pt ON pt.period = $2 AND pt.member_id = m.id
       WHERE m.id = ANY($1::uuid[]))
     SELECT t.id AS "memberId", t.total::float AS total, b.above + 1 AS "rankInBranch", b.size AS "branchSize",
            c.above + 1 AS "rankInCommittee", c.size AS "committeeSize"
     FROM target t
     CROSS JOIN LATERAL (
       SELECT s.size, ${peersAbove('branch_id', 'branch')} AS above
       FROM (SELECT greatest(count(*), 1)::int AS size FROM member m WHERE m.organization_id = t.branch AND m.is_current) s) b
     LEFT JOIN LATERAL (
       SELECT s.size, ${peersAbove('committee_id', 'committee')} AS above
       FROM (SELECT greatest(count(*), 1)::int AS size FROM member m WHERE m.committee_id = t.committee AND m.is_current) s) c
       ON t.committee IS NOT NULL`,
    [memberIds, period.label],
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
     WHERE m.organization_id = $1 AND m.is_current`,
    [organizationId, `${year}-01`, `${year}-12`],
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
