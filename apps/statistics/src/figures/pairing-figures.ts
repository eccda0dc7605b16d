import type { EntityManager } from 'typeorm';
import type { Period } from '@partybuild/calendar';
import type { PairingFigures } from './figures';
import { IN_TARGETS, byTarget, upTheTree } from './targets';

/** A pair or service belongs to a subtree that holds either side, and counts there once. */
const EITHER_SIDE = (helper: string, helped: string) =>
  `CROSS JOIN LATERAL (VALUES (${helper}), (${helped})) AS side(id) ${upTheTree('side.id')}`;

/**
 * 城乡结对共建 of the targets' subtrees, counted as the pairing service's summary counts them:
 * pairs active (started by the period's end) with a side in the subtree; services delivered in
 * the period by either side, by type, with beneficiaries and funds; the subtree's villages'
 * micro-wishes posted, claimed and fulfilled in the period; households visited (each visit
 * batch's households, by the batch's first day); problems collected and resolved in the period,
 * overdue as of today, and the average days to resolve those resolved in the period.
 */
export async function pairingFigures(
  manager: EntityManager,
  targets: string[],
  period: Period,
  today: string,
): Promise<Map<string, PairingFigures>> {
  const params = [targets, period.start, period.end];
  const [pairs, services]: [
    Array<{ target: string; n: string }>,
    Array<{ target: string; key: string; count: string; beneficiaries: string; funds: number }>,
  ] = await Promise.all([
    manager.query(
      `WITH ${IN_TARGETS} SELECT t.target, count(DISTINCT p.pair_id) AS n FROM stat_pair p ${EITHER_SIDE('p.helper_id', 'p.helped_id')}
       WHERE p.status = 'ACTIVE' AND p.starts_on <= $2 GROUP BY t.target`,
      [targets, period.end],
    ),
    manager.query(
      `WITH ${IN_TARGETS},
       s AS (SELECT DISTINCT t.target, x.service_id, x.type, x.beneficiaries, x.funds
             FROM stat_pairing_service x ${EITHER_SIDE('x.helper_id', 'x.helped_id')} WHERE x.delivered_on BETWEEN $2 AND $3)
       SELECT target, type AS key, count(*) AS count, sum(beneficiaries) AS beneficiaries, sum(funds)::float8 AS funds FROM s GROUP BY 1, 2`,
      params,
    ),
  ]);
  const wishes: Array<{ target: string; posted: string; claimed: string; fulfilled: string }> = await manager.query(
    `WITH ${IN_TARGETS}
     SELECT t.target,
       count(*) FILTER (WHERE w.posted_on BETWEEN $2 AND $3) AS posted,
       count(*) FILTER (WHERE w.claimed_on BETWEEN $2 AND $3) AS claimed,
       count(*) FILTER (WHERE w.fulfilled_on BETWEEN $2 AND $3) AS fulfilled
     FROM stat_wish w ${upTheTree('w.organization_id')} GROUP BY t.target`,
    params,
  );
  const visits: Array<{ target: string; households: string }> = await manager.query(
    `WITH ${IN_TARGETS}
     SELECT t.target, sum(v.households) AS households FROM stat_visit_batch v ${upTheTree('v.organization_id')}
     WHERE v.first_day BETWEEN $2 AND $3 GROUP BY t.target`,
    params,
  );
  const problems: Array<{ target: string; collected: string; resolved: string; overdue: string; average: number | null }> =
    await manager.query(
      `WITH ${IN_TARGETS}
     SELECT t.target,
       count(*) FILTER (WHERE p.collected_on BETWEEN $2 AND $3) AS collected,
       count(*) FILTER (WHERE p.resolved_on BETWEEN $2 AND $3) AS resolved,
       count(*) FILTER (WHERE p.status <> 'RESOLVED' AND p.deadline < $4) AS overdue,
       round(avg(p.resolved_on - p.collected_on) FILTER (WHERE p.resolved_on BETWEEN $2 AND $3), 1)::float8 AS average
     FROM stat_problem p ${upTheTree('p.organization_id')} GROUP BY t.target`,
      [...params, today],
    );
  const byType = byTarget(services);
  const find = <T extends { target: string }>(list: T[], target: string) => list.find((r) => r.target === target);
  return new Map(
    targets.map((target) => {
      const own = services.filter((s) => s.target === target);
      const w = find(wishes, target);
      const p = find(problems, target);
      return [
        target,
        {
          activePairs: Number(find(pairs, target)?.n ?? 0),
          services: own.reduce((n, s) => n + Number(s.count), 0),
          servicesByType: byType.get(target) ?? [],
          beneficiaries: own.reduce((n, s) => n + Number(s.beneficiaries), 0),
          fundsYuan: Math.round(own.reduce((n, s) => n + Number(s.funds), 0) * 100) / 100,
          wishesPosted: Number(w?.posted ?? 0),
          wishesClaimed: Number(w?.claimed ?? 0),
          wishesFulfilled: Number(w?.fulfilled ?? 0),
          householdsVisited: Number(find(visits, target)?.households ?? 0),
          problemsCollected: Number(p?.collected ?? 0),
          problemsResolved: Number(p?.resolved ?? 0),
          problemsOverdue: Number(p?.overdue ?? 0),
          averageDaysToResolve: p?.average == null ? null : Number(p.average),
        },
      ];
    }),
  );
}
