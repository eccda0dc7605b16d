import type { EntityManager } from 'typeorm';
import { FactValues, RawFacts, factsFrom } from '../domain/facts';
import type { AssessmentRules } from '../reference/assessment-rules';

const GONE_STATUSES = ['TRANSFERRED_OUT', 'DECEASED', 'EXPELLED'];
const MEMBER_STAGES = ['PROBATIONARY', 'FULL'];

/** The last month of the year that has ended by `asOf` (`YYYY-MM`), or null before January ends. */
function lastEndedMonth(year: number, asOf: string): string | null {
  const [y, m, d] = asOf.split('-').map(Number);
  if (y > year) return `${year}-12`;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const month = d === lastDay ? m : m - 1;
  return month >= 1 ? `${year}-${String(month).padStart(2, '0')}` : null;
}

/**
 * The facts of many units of one year at once, from the read models: meetings held in or below
 * each unit, attendance counted, dues months due and paid on time by its members, probationary
 * members overdue, its committee's term. A handful of set-based queries whatever the number of units.
 */
export async function factsOf(
  manager: EntityManager,
  unitIds: string[],
  year: number,
  asOf: string,
  rules: AssessmentRules,
): Promise<Map<string, FactValues>> {
  const raw = new Map<string, RawFacts>(
    unitIds.map((id) => [
      id,
      {
        held: [],
        expected: 0,
        attended: 0,
        memberMonthsDue: 0,
        memberMonthsOnTime: 0,
        membersInArrears: 0,
        probationary: 0,
        probationaryOverdue: 0,
        termEndsOn: null,
      },
    ]),
  );
  if (unitIds.length === 0) return new Map();
  const start = `${year}-01-01`;
  const [meetings, members, terms] = await Promise.all([
    manager.query(
      `SELECT u.id, array_agg(DISTINCT f.type || '|' || to_char(f.held_on, 'YYYY-MM')) AS held,
              sum(f.expected)::int AS expected, sum(f.attended)::int AS attended
       FROM unnest($1::uuid[]) AS u(id) JOIN meeting_fact f ON f.host_path @> ARRAY[u.id]
       WHERE f.status = 'HELD' AND f.held_on BETWEEN $2::date AND $3::date GROUP BY u.id`,
      [unitIds, start, asOf],
    ) as Promise<Array<{ id: string; held: string[]; expected: number; attended: number }>>,
    memberFacts(manager, unitIds, year, asOf, rules),
    manager.query(`SELECT id, term_ends_on::text AS "termEndsOn" FROM org_node WHERE id = ANY($1::uuid[])`, [unitIds]) as Promise<
      Array<{ id: string; termEndsOn: string | null }>
    >,
  ]);
  for (const m of meetings) Object.assign(raw.get(m.id) as RawFacts, { held: m.held, expected: m.expected, attended: m.attended });
  for (const { id, ...counts } of members) Object.assign(raw.get(id) as RawFacts, counts);
  for (const t of terms) (raw.get(t.id) as RawFacts).termEndsOn = t.termEndsOn;
  return new Map([...raw].map(([id, r]) => [id, factsFrom(r, year, asOf, rules)]));
}

async function memberFacts(manager: EntityManager, unitIds: string[], year: number, asOf: string, rules: AssessmentRules) {
  const lastMonth = lastEndedMonth(year, asOf);
  const rows: Array<{
    id: string;
    memberMonthsDue: number;
    memberMonthsOnTime: number;
    membersInArrears: number;
    probationary: number;
    probationaryOverdue: number;
  }> = await manager.query(
    `WITH units AS (
       SELECT u.id AS unit, n.id AS branch FROM unnest($1::uuid[]) AS u(id) JOIN org_node n ON n.path @> ARRAY[u.id]),
     active AS (
       SELECT u.unit, m.id, m.stage, m.joined_on FROM units u JOIN member m ON m.organization_id = u.branch
       WHERE m.stage = ANY($2::text[]) AND m.status <> ALL($3::text[])),
     due AS (
       SELECT a.unit, a.id, to_char(g.month, 'YYYY-MM') AS month, d.paid_on,
              (g.month + interval '1 month' - interval '1 day')::date + $7::int AS deadline
       FROM active a
       CROSS JOIN LATERAL generate_series(greatest(make_date($4, 1, 1), date_trunc('month', coalesce(a.joined_on, make_date($4, 1, 1)))::date),
                                          to_date($5, 'YYYY-MM'), interval '1 month') AS g(month)
       LEFT JOIN dues_fact d ON d.member_id = a.id AND d.month = to_char(g.month, 'YYYY-MM') AND d.paid_on <= $6::date
       WHERE $5::text IS NOT NULL),
     dues AS (
       SELECT unit, count(*)::int AS due, count(*) FILTER (WHERE paid_on <= deadline)::int AS on_time,
              count(DISTINCT id) FILTER (WHERE paid_on IS NULL)::int AS in_arrears
       FROM due GROUP BY unit),
     probation AS (
       SELECT unit, count(*)::int AS probationary,
              count(*) FILTER (WHERE joined_on + make_interval(years => $8::int) < $6::date)::int AS overdue
       FROM active WHERE stage = 'PROBATIONARY' GROUP BY unit)
     SELECT u.id, coalesce(d.due, 0) AS "memberMonthsDue", coalesce(d.on_time, 0) AS "memberMonthsOnTime",
            coalesce(d.in_arrears, 0) AS "membersInArrears", coalesce(p.probationary, 0) AS probationary,
            coalesce(p.overdue, 0) AS "probationaryOverdue"
     FROM unnest($1::uuid[]) AS u(id) LEFT JOIN dues d ON d.unit = u.id LEFT JOIN probation p ON p.unit = u.id`,
    [unitIds, MEMBER_STAGES, GONE_STATUSES, year, lastMonth, asOf, rules.duesGraceDays, rules.probationYears],
  );
  return rows;
}
