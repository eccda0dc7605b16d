import type { EntityManager } from 'typeorm';
import { monthsOf, Period } from '@partybuild/calendar';
import { MemberDues, MonthlyDue, memberDues, sumDues } from '@partybuild/dues';
import { STATISTICS_RULES } from '../reference/statistics-rules';
import type { DuesFigures } from './figures';
import { IN_TARGETS, underTarget } from './targets';

/**
 * 党费 expected, collected and members in arrears for the period, by the shared definition of
 * dues (`@partybuild/dues`, the same the membership service's dues summary counts): each
 * member once, then summed over every target whose subtree holds them.
 */
export async function duesFigures(
  manager: EntityManager,
  targets: string[],
  period: Period,
  today: string,
): Promise<Map<string, DuesFigures>> {
  const months = monthsOf(period);
  const rows: Array<{ target: string; member_id: string; start: string | null; history: MonthlyDue[]; paid: Record<string, string> }> =
    await manager.query(
      `WITH ${IN_TARGETS},
       m AS (SELECT t.target, s.member_id, s.dues_start_month AS start, s.monthly_dues AS history
             FROM stat_member s ${underTarget('s.organization_id')}
             WHERE s.stage = ANY($3) AND NOT s.status = ANY($4)),
       paid AS (SELECT p.member_id, jsonb_object_agg(x.month, coalesce(x.fen, p.amount_fen::numeric / cardinality(p.months))) AS paid
                FROM stat_dues_payment p CROSS JOIN LATERAL unnest(p.months, p.amounts_fen) AS x(month, fen)
                WHERE x.month = ANY($2) AND p.member_id IN (SELECT member_id FROM m) GROUP BY p.member_id)
       SELECT m.*, coalesce(paid.paid, '{}') AS paid FROM m LEFT JOIN paid ON paid.member_id = m.member_id`,
      [targets, months, STATISTICS_RULES.memberStages, STATISTICS_RULES.departedStatuses],
    );
  const current = today.slice(0, 7);
  const perMember = new Map<string, MemberDues>();
  const perTarget = new Map<string, MemberDues[]>(targets.map((t) => [t, []]));
  for (const row of rows) {
    let dues = perMember.get(row.member_id);
    if (!dues) {
      const paid = new Map(Object.entries(row.paid).map(([month, fen]) => [month, Number(fen)]));
      dues = memberDues({ startMonth: row.start, monthlyDues: row.history }, months, current, paid);
      perMember.set(row.member_id, dues);
    }
    perTarget.get(row.target)!.push(dues);
  }
  return new Map(targets.map((target) => [target, sumDues(perTarget.get(target)!)]));
}
