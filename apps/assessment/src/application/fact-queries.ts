import type { EntityManager } from 'typeorm';
import { FactValues, NOTHING_KNOWN, RawFacts, factsFrom } from '../domain/facts';
import type { AssessmentRules } from '../reference/assessment-rules';

/**
 * Units are matched by joining the ids as a set (hashed), never `= ANY(array)` per row: with
 * every branch of the district at once that comparison alone was most of the scoring time. A
 * few units also narrow the scan through the path index (`&&`), which costs per element.
 */
const FEW_UNITS = 64;
const narrowedTo = (column: string, unitIds: string[]) => (unitIds.length <= FEW_UNITS ? `AND ${column} && $1::uuid[]` : '');

/**
 * The last month of the year owed by `asOf` (`YYYY-MM`), or null in January: as the dues library
 * counts it, a month is owed once it has ended, so the current month is not; a past year owes December.
 */
function lastEndedMonth(year: number, asOf: string): string | null {
  if (asOf >= `${year}-12-31`) return `${year}-12`;
  const month = Number(asOf.slice(5, 7)) - 1;
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
  const raw = new Map<string, RawFacts>(unitIds.map((id) => [id, { ...NOTHING_KNOWN }]));
  if (unitIds.length === 0) return new Map();
  const start = `${year}-01-01`;
  // Inside a transaction (closing a round) the queries share one connection and run one after another.
  const all = manager.queryRunner?.isTransactionActive
    ? async <T extends unknown[]>(work: { [K in keyof T]: () => Promise<T[K]> }) => {
        const out: unknown[] = [];
        for (const w of work) out.push(await w());
        return out as T;
      }
    : <T extends unknown[]>(work: { [K in keyof T]: () => Promise<T[K]> }) => Promise.all(work.map((w) => w())) as Promise<T>;
  const [meetings, members, terms, pairing] = await all([
    // One pass over the year's meetings: each counts for its host and every unit above it.
    () =>
      manager.query(
        `SELECT u.id, array_agg(DISTINCT f.type || '|' || to_char(f.held_on, 'YYYY-MM')) AS held,
              sum(f.expected)::int AS expected, sum(f.attended)::int AS attended
       FROM meeting_fact f CROSS JOIN LATERAL unnest(f.host_path) AS p(id) JOIN unnest($1::uuid[]) AS u(id) ON u.id = p.id
       WHERE f.status = 'HELD' AND f.held_on BETWEEN $2::date AND $3::date ${narrowedTo('f.host_path', unitIds)}
       GROUP BY u.id`,
        [unitIds, start, asOf],
      ) as Promise<Array<{ id: string; held: string[]; expected: number; attended: number }>>,
    () => memberFacts(manager, unitIds, year, asOf, rules),
    () =>
      manager.query(`SELECT id, term_ends_on::text AS "termEndsOn" FROM org_node WHERE id = ANY($1::uuid[])`, [unitIds]) as Promise<
        Array<{ id: string; termEndsOn: string | null }>
      >,
    () => pairingFacts(manager, unitIds, start, asOf),
  ]);
  for (const m of meetings) Object.assign(raw.get(m.id) as RawFacts, { held: m.held, expected: m.expected, attended: m.attended });
  for (const { id, ...counts } of members) Object.assign(raw.get(id) as RawFacts, counts);
  for (const t of terms) (raw.get(t.id) as RawFacts).termEndsOn = t.termEndsOn;
  for (const { id, ...counts } of pairing) Object.assign(raw.get(id) as RawFacts, counts, { paired: true });
  return new Map([...raw].map(([id, r]) => [id, factsFrom(r, year, asOf, rules)]));
}

async function memberFacts(manager: EntityManager, unitIds: string[], year: number, asOf: string, rules: AssessmentRules) {
  const lastMonth = lastEndedMonth(year, asOf);
  // Members count for their branch and every unit above it; a member owes from the later of
  // January and their dues start month (none without one) up to the last month ended.
  const rows: Array<{
    id: string;
    memberMonthsDue: number;
    memberMonthsOnTime: number;
    membersInArrears: number;
    probationary: number;
    probationaryOverdue: number;
  }> = await manager.query(
    `WITH below AS (
       SELECT DISTINCT n.id, n.path FROM org_node n CROSS JOIN LATERAL unnest(n.path) AS p(id) JOIN unnest($1::uuid[]) AS u(id) ON u.id = p.id
       WHERE true ${narrowedTo('n.path', unitIds)}),
     active AS (
       SELECT a.*, to_char(a.due_from, 'YYYY-MM') AS due_from_month FROM (
         SELECT m.id, m.stage, m.joined_on, n.path,
                CASE WHEN m.dues_start_month IS NOT NULL THEN greatest(make_date($2, 1, 1), to_date(m.dues_start_month, 'YYYY-MM')) END AS due_from
         FROM member m JOIN below n ON n.id = m.organization_id
         WHERE m.is_current) a),
     -- Each member's months through the dues index (member, month): only the members of the units asked for are read.
     dues AS (
       SELECT a.id, a.path, a.stage, a.joined_on,
              CASE WHEN $3::text IS NULL OR a.due_from IS NULL OR a.due_from > to_date($3, 'YYYY-MM') THEN 0
                   ELSE (extract(year FROM age(to_date($3, 'YYYY-MM'), a.due_from)) * 12
                         + extract(month FROM age(to_date($3, 'YYYY-MM'), a.due_from)))::int + 1 END AS due,
              coalesce(p.paid, 0) AS paid, coalesce(p.on_time, 0) AS on_time
       FROM active a LEFT JOIN LATERAL (
         SELECT count(*)::int AS paid,
                count(*) FILTER (WHERE d.paid_on <= (d.month || '-01')::date + interval '1 month' - interval '1 day' + make_interval(days => $5::int))::int AS on_time
         FROM dues_fact d
         WHERE d.member_id = a.id AND d.month >= a.due_from_month AND d.month <= $3 AND d.paid_on <= $4::date) p ON true)
     SELECT u.id, sum(d.due)::int AS "memberMonthsDue", sum(d.on_time)::int AS "memberMonthsOnTime",
            count(*) FILTER (WHERE d.paid < d.due)::int AS "membersInArrears",
            count(*) FILTER (WHERE d.stage = 'PROBATIONARY')::int AS probationary,
            count(*) FILTER (WHERE d.stage = 'PROBATIONARY' AND d.joined_on + make_interval(years => $6::int) < $4::date)::int AS "probationaryOverdue"
     FROM dues d CROSS JOIN LATERAL unnest(d.path) AS p(id) JOIN unnest($1::uuid[]) AS u(id) ON u.id = p.id GROUP BY u.id`,
    [unitIds, year, lastMonth, asOf, rules.duesGraceDays, rules.probationYears],
  );
  return rows;
}

/** 结对共建 of each unit and everything below it: any pairing fact at all, the year's months served, wishes and problems. */
function pairingFacts(manager: EntityManager, unitIds: string[], start: string, asOf: string) {
  return manager.query(
    `SELECT u.id,
            coalesce(array_agg(DISTINCT to_char(p.day, 'YYYY-MM')) FILTER (WHERE p.kind = 'SERVICE' AND p.day BETWEEN $2::date AND $3::date), '{}') AS "servedMonths",
            count(*) FILTER (WHERE p.kind = 'WISH' AND p.day BETWEEN $2::date AND $3::date)::int AS "wishesPosted",
            count(*) FILTER (WHERE p.kind = 'WISH' AND p.day BETWEEN $2::date AND $3::date AND p.done_on <= $3::date)::int AS "wishesFulfilled",
            count(*) FILTER (WHERE p.kind = 'PROBLEM' AND p.day BETWEEN $2::date AND $3::date)::int AS "problemsCollected",
            count(*) FILTER (WHERE p.kind = 'PROBLEM' AND p.day BETWEEN $2::date AND $3::date AND p.done_on <= $3::date)::int AS "problemsResolved",
            coalesce(sum(p.days_to_resolve) FILTER (WHERE p.kind = 'PROBLEM' AND p.done_on BETWEEN $2::date AND $3::date), 0)::int AS "resolveDays",
            count(*) FILTER (WHERE p.kind = 'PROBLEM' AND p.done_on BETWEEN $2::date AND $3::date)::int AS "resolvedInYear"
     FROM pairing_fact p JOIN org_node n ON n.id = p.organization_id CROSS JOIN LATERAL unnest(n.path) AS a(id)
       JOIN unnest($1::uuid[]) AS u(id) ON u.id = a.id
     WHERE p.day <= $3::date ${narrowedTo('n.path', unitIds)}
     GROUP BY u.id`,
    [unitIds, start, asOf],
  ) as Promise<Array<{ id: string } & Omit<RawFacts, 'paired'>>>;
}
