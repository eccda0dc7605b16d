import type { EntityManager } from 'typeorm';
import { STATISTICS_RULES } from '../reference/statistics-rules';
import { monthsOf, Period } from '@partybuild/calendar';
import type { DuesFigures } from './figures';
import { IN_TARGETS, underTarget } from './targets';

/**
 * Dues expected against collected for the months of the period up to `asOf`. A payment
 * covering several months counts its share for each; amounts stay in fen.
 */
export async function duesFigures(
  manager: EntityManager,
  targets: string[],
  period: Period,
  asOf: string,
): Promise<Map<string, DuesFigures>> {
  const months = monthsOf(period).filter((m) => m <= asOf.slice(0, 7));
  const rows: Array<{ target: string; expected: string; collected: string; arrears: string }> = await manager.query(
    `WITH ${IN_TARGETS},
     m AS (SELECT t.target, s.member_id, s.monthly_due_fen FROM stat_member s ${underTarget('s.organization_id')}
           WHERE s.stage = ANY($3) AND NOT s.status = ANY($4)),
     paid AS (SELECT p.member_id, sum(p.amount_fen::numeric / cardinality(p.months)) AS collected, count(DISTINCT month) AS months_paid
              FROM stat_dues_payment p CROSS JOIN unnest(p.months) AS month
              WHERE month = ANY($2) AND p.member_id IN (SELECT member_id FROM m) GROUP BY p.member_id),
     per_member AS (
       SELECT m.target, coalesce(m.monthly_due_fen, 0) * cardinality($2::text[]) AS expected,
              coalesce(paid.collected, 0) AS collected, coalesce(paid.months_paid, 0) AS months_paid,
              coalesce(m.monthly_due_fen, 0) > 0 AS owes
       FROM m LEFT JOIN paid ON paid.member_id = m.member_id)
     SELECT target, sum(expected) AS expected, round(sum(collected)) AS collected,
            count(*) FILTER (WHERE owes AND months_paid < cardinality($2::text[])) AS arrears
     FROM per_member GROUP BY target`,
    [targets, months, STATISTICS_RULES.memberStages, STATISTICS_RULES.departedStatuses],
  );
  return new Map(
    targets.map((target) => {
      const r = rows.find((row) => row.target === target);
      return [
        target,
        { expectedFen: Number(r?.expected ?? 0), collectedFen: Number(r?.collected ?? 0), membersInArrears: Number(r?.arrears ?? 0) },
      ];
    }),
  );
}
