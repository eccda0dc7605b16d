import type { EntityManager } from 'typeorm';
import { THREE_MEETINGS_ONE_LESSON } from '@partybuild/compliance';
import { monthsOf, Period } from '@partybuild/calendar';
import type { ActivityFigures, ComplianceFields } from './figures';
import { IN_TARGETS, byTarget, underTarget } from './targets';

/** Activities held in the period by hosts under the targets, with the pooled attendance rate. */
export async function activityFigures(
  manager: EntityManager,
  targets: string[],
  period: Period,
): Promise<Map<string, Omit<ActivityFigures, ComplianceFields>>> {
  const rows: Array<{ target: string; dim: string; key: string | null; count: string; attended: string | null; expected: string | null }> =
    await manager.query(
      `WITH ${IN_TARGETS},
       a AS MATERIALIZED (SELECT t.target, x.* FROM stat_activity x ${underTarget('x.host_id')} WHERE x.status = 'HELD' AND x.month = ANY($2))
       SELECT target, 'type' AS dim, type AS key, count(*), NULL::bigint AS attended, NULL::bigint AS expected FROM a GROUP BY target, type
       UNION ALL SELECT target, 'month', month, count(*), NULL, NULL FROM a GROUP BY target, month
       UNION ALL SELECT target, 'total', NULL, count(*), sum(present + late), sum(expected) FROM a GROUP BY target
       UNION ALL SELECT target, 'core', NULL, count(*), NULL, NULL FROM a WHERE type = ANY($3) GROUP BY target`,
      [targets, monthsOf(period), THREE_MEETINGS_ONE_LESSON],
    );
  const byType = byTarget(rows.filter((r) => r.dim === 'type'));
  const byMonth = byTarget(rows.filter((r) => r.dim === 'month'));
  return new Map(
    targets.map((target) => {
      const total = rows.find((r) => r.dim === 'total' && r.target === target);
      const core = rows.find((r) => r.dim === 'core' && r.target === target);
      const expected = Number(total?.expected ?? 0);
      return [
        target,
        {
          held: Number(total?.count ?? 0),
          byType: byType.get(target) ?? [],
          byMonth: (byMonth.get(target) ?? []).sort((a, b) => a.key.localeCompare(b.key)),
          threeMeetingsOneLesson: Number(core?.count ?? 0),
          attendanceRate: expected > 0 ? Number(total!.attended) / expected : null,
        },
      ];
    }),
  );
}
