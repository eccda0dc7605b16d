import { MigrationInterface, QueryRunner } from 'typeorm';

/** The periods a point counts in: its month, its quarter and its year (the periods `pioneerIndex` accepts). */
export const PERIODS = `(VALUES (r.month), (left(r.month, 4) || '-Q' || ((substr(r.month, 6, 2)::int + 2) / 3)), (left(r.month, 4))) AS p(period)`;

/** Adds each written, changed or removed point to its member's totals: one statement-level pass per write (transition tables), so a bulk insert adds up once. */
export const PIONEER_TOTAL_APPLY = `
      CREATE OR REPLACE FUNCTION pioneer_total_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          INSERT INTO pioneer_total (period, member_id, points)
          SELECT p.period, r.member_id, -sum(r.points) FROM old_rows r CROSS JOIN LATERAL ${PERIODS}
          GROUP BY p.period, r.member_id ORDER BY p.period, r.member_id
          ON CONFLICT (period, member_id) DO UPDATE SET points = pioneer_total.points + EXCLUDED.points;
        END IF;
        IF TG_OP IN ('UPDATE', 'INSERT') THEN
          INSERT INTO pioneer_total (period, member_id, points)
          SELECT p.period, r.member_id, sum(r.points) FROM new_rows r CROSS JOIN LATERAL ${PERIODS}
          GROUP BY p.period, r.member_id ORDER BY p.period, r.member_id
          ON CONFLICT (period, member_id) DO UPDATE SET points = pioneer_total.points + EXCLUDED.points;
        END IF;
        RETURN NULL;
      END $$`;

/**
 * Reads at the district's size (docs/adr/0053-assessment-reads-at-district-size.md): 党员先锋指数
 * totals per member and period, kept by the database as points are written, changed or removed
 * (ranking a member among a Party committee's thousands of members reads one row per peer instead
 * of summing every point of every peer); indexes for a year's dues and meetings and for rankings.
 */
export class FasterReads1767500000200 implements MigrationInterface {
  name = 'FasterReads1767500000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pioneer_total (
        period text NOT NULL,
        member_id uuid NOT NULL,
        points numeric(10, 2) NOT NULL,
        PRIMARY KEY (period, member_id)
      )`);
    await q.query(PIONEER_TOTAL_APPLY);
    await q.query(`CREATE TRIGGER pioneer_total_insert AFTER INSERT ON pioneer_point
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pioneer_total_apply()`);
    await q.query(`CREATE TRIGGER pioneer_total_update AFTER UPDATE ON pioneer_point
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION pioneer_total_apply()`);
    await q.query(`CREATE TRIGGER pioneer_total_delete AFTER DELETE ON pioneer_point
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION pioneer_total_apply()`);
    await q.query(`
      INSERT INTO pioneer_total (period, member_id, points)
      SELECT p.period, r.member_id, sum(r.points) FROM pioneer_point r CROSS JOIN LATERAL ${PERIODS} GROUP BY p.period, r.member_id`);
    // Rankings read the closed rounds of a year and kind in score order; facts read one year of dues and meetings.
    await q.query(`CREATE INDEX round_closed_rank ON round (year, organization_kind, final_score DESC) WHERE phase = 'CLOSED'`);
    await q.query(`CREATE INDEX dues_fact_month ON dues_fact (month)`);
    await q.query(`CREATE INDEX meeting_fact_held_on ON meeting_fact (held_on) WHERE status = 'HELD'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX round_closed_rank, dues_fact_month, meeting_fact_held_on');
    for (const t of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER pioneer_total_${t} ON pioneer_point`);
    await q.query('DROP FUNCTION pioneer_total_apply()');
    await q.query('DROP TABLE pioneer_total');
  }
}
