import type { EntityManager } from 'typeorm';
import { STATISTICS_RULES } from '../reference/statistics-rules';
import type { Period } from '@partybuild/calendar';
import type { LabelCount, MemberFigures } from './figures';
import { IN_TARGETS, byTarget, underTarget } from './targets';

const AGE_BAND = `CASE ${STATISTICS_RULES.ageBands
  .map((b) =>
    b.maxAge === null ? `ELSE '${b.label}'` : `WHEN date_part('year', age($2::date, s.birth_date)) <= ${b.maxAge} THEN '${b.label}'`,
  )
  .join(' ')} END`;

/** One scan of the members under the targets, counted along every dimension at once. */
export async function memberFigures(
  manager: EntityManager,
  targets: string[],
  period: Period,
  asOf: string,
): Promise<Map<string, MemberFigures>> {
  const params = [targets, asOf, STATISTICS_RULES.memberStages, STATISTICS_RULES.departedStatuses, period.start, period.end];
  // The counts and the transfers are independent: asked at once.
  const [rows, transfers]: [
    Array<{ target: string; dim: string; key: string | null; count: string }>,
    Array<{ target: string; direction: string; count: string }>,
  ] = await Promise.all([
    manager.query(
      `WITH ${IN_TARGETS},
     m AS MATERIALIZED (
       SELECT t.target, s.*, s.stage = ANY($3) AND NOT s.status = ANY($4) AS is_member, ${AGE_BAND} AS band
       FROM stat_member s ${underTarget('s.organization_id')})
     SELECT target, 'stage' AS dim, stage AS key, count(*) FROM m WHERE NOT status = ANY($4) GROUP BY target, stage
     UNION ALL SELECT target, 'status', status, count(*) FROM m WHERE stage = ANY($3) GROUP BY target, status
     UNION ALL SELECT target, 'gender', gender, count(*) FROM m WHERE is_member GROUP BY target, gender
     UNION ALL SELECT target, 'band', band, count(*) FROM m WHERE is_member GROUP BY target, band
     UNION ALL SELECT target, 'education', education, count(*) FROM m WHERE is_member GROUP BY target, education
     UNION ALL SELECT target, 'category', category, count(*) FROM m WHERE is_member GROUP BY target, category
     UNION ALL SELECT target, 'total', NULL, count(*) FROM m WHERE is_member GROUP BY target
     UNION ALL SELECT target, 'new', NULL, count(*) FROM m WHERE joined_on BETWEEN $5 AND $6 GROUP BY target`,
      params,
    ),
    manager.query(
      `WITH ${IN_TARGETS}
     SELECT t.target, CASE WHEN to_node.path @> ARRAY[t.target] THEN 'in' ELSE 'out' END AS direction, count(*)
     FROM stat_transfer x
     CROSS JOIN targets t
     LEFT JOIN org_node from_node ON from_node.id = x.from_organization_id
     LEFT JOIN org_node to_node ON to_node.id = x.to_organization_id
     WHERE x.transferred_on BETWEEN $2 AND $3
       AND (coalesce(from_node.path @> ARRAY[t.target], false) <> coalesce(to_node.path @> ARRAY[t.target], false))
     GROUP BY 1, 2`,
      [targets, period.start, period.end],
    ),
  ]);
  const dims = new Map<string, Map<string, LabelCount[]>>();
  for (const dim of ['stage', 'status', 'gender', 'band', 'education', 'category', 'total', 'new']) {
    dims.set(dim, byTarget(rows.filter((r) => r.dim === dim)));
  }
  const count = (dim: string, target: string) => dims.get(dim)!.get(target)?.[0]?.count ?? 0;
  const list = (dim: string, target: string) => dims.get(dim)!.get(target) ?? [];
  const moved = (target: string, direction: string) =>
    Number(transfers.find((t) => t.target === target && t.direction === direction)?.count ?? 0);
  return new Map(
    targets.map((target) => [
      target,
      {
        total: count('total', target),
        byStage: list('stage', target),
        byStatus: list('status', target),
        byGender: list('gender', target),
        byAgeBand: list('band', target),
        byEducation: list('education', target),
        byCategory: list('category', target),
        newMembers: count('new', target),
        transfersIn: moved(target, 'in'),
        transfersOut: moved(target, 'out'),
      },
    ]),
  );
}
