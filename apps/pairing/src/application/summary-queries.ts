import type { EntityManager } from 'typeorm';
import type { Period } from '@partybuild/calendar';
import { ServiceType } from '../domain/service-record';

export interface SummaryRow {
  root: string;
  activePairs: number;
  services: number;
  byType: Record<string, number> | null;
  beneficiaries: number;
  funds: number;
  wishesPosted: number;
  wishesClaimed: number;
  wishesFulfilled: number;
  householdsVisited: number;
  problemsCollected: number;
  problemsResolved: number;
  problemsOverdue: number;
  averageDaysToResolve: number | null;
}

/**
 * 结对共建汇总 for several organisations' subtrees in one statement: pairs active at the end of
 * the period with a side in the subtree, services by either side, wishes and visits and problems
 * of the subtree's villages; overdue is as of today.
 */
export async function summaries(manager: EntityManager, roots: readonly string[], period: Period, today: string): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = await manager.query(
    `WITH r AS (SELECT unnest($1::uuid[]) AS root),
     sub AS (SELECT r.root, n.id FROM r JOIN org_node n ON n.path @> ARRAY[r.root])
     SELECT r.root,
       (SELECT count(*) FROM org_pair p WHERE p.status = 'ACTIVE' AND p.starts_on <= $3
          AND (p.helper_id IN (SELECT id FROM sub WHERE sub.root = r.root) OR p.helped_id IN (SELECT id FROM sub WHERE sub.root = r.root)))::int AS "activePairs",
       s.services, s."byType", s.beneficiaries, s.funds,
       (SELECT count(*) FROM micro_wish w WHERE w.organization_id IN (SELECT id FROM sub WHERE sub.root = r.root) AND w.posted_on BETWEEN $2 AND $3)::int AS "wishesPosted",
       (SELECT count(*) FROM micro_wish w WHERE w.organization_id IN (SELECT id FROM sub WHERE sub.root = r.root) AND w.claimed_on BETWEEN $2 AND $3)::int AS "wishesClaimed",
       (SELECT count(*) FROM micro_wish w WHERE w.organization_id IN (SELECT id FROM sub WHERE sub.root = r.root) AND w.fulfilled_on BETWEEN $2 AND $3)::int AS "wishesFulfilled",
       (SELECT count(DISTINCT (v.organization_id, v.household)) FROM household_visit v
          WHERE v.organization_id IN (SELECT id FROM sub WHERE sub.root = r.root) AND v.visited_on BETWEEN $2 AND $3)::int AS "householdsVisited",
       q.collected AS "problemsCollected", q.resolved AS "problemsResolved", q.overdue AS "problemsOverdue", q.average AS "averageDaysToResolve"
     FROM r
     CROSS JOIN LATERAL (
       SELECT count(*)::int AS services, coalesce(sum(x.beneficiaries), 0)::int AS beneficiaries, coalesce(sum(x.funds), 0)::float8 AS funds,
              (SELECT jsonb_object_agg(t.type, t.n) FROM (SELECT type, count(*) AS n FROM service_record y
                 WHERE y.delivered_on BETWEEN $2 AND $3 AND (y.helper_id IN (SELECT id FROM sub WHERE sub.root = r.root)
                   OR y.helped_id IN (SELECT id FROM sub WHERE sub.root = r.root)) GROUP BY type) t) AS "byType"
       FROM service_record x WHERE x.delivered_on BETWEEN $2 AND $3
         AND (x.helper_id IN (SELECT id FROM sub WHERE sub.root = r.root) OR x.helped_id IN (SELECT id FROM sub WHERE sub.root = r.root))
     ) s
     CROSS JOIN LATERAL (
       SELECT count(*) FILTER (WHERE p.collected_on BETWEEN $2 AND $3)::int AS collected,
              count(*) FILTER (WHERE p.resolved_on BETWEEN $2 AND $3)::int AS resolved,
              count(*) FILTER (WHERE p.status = 'OPEN' AND p.deadline < $4)::int AS overdue,
              round(avg(p.resolved_on - p.collected_on) FILTER (WHERE p.resolved_on BETWEEN $2 AND $3), 1)::float8 AS average
       FROM problem p WHERE p.organization_id IN (SELECT id FROM sub WHERE sub.root = r.root)
     ) q`,
    [roots, period.start, period.end, today],
  );
  return rows;
}

export const servicesByType = (byType: Record<string, number> | null) =>
  Object.values(ServiceType).map((type) => ({ type, count: Number(byType?.[type] ?? 0) }));
