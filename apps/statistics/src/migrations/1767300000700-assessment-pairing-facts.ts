import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facts of the assessment and pairing services: each organisation's rated year (stars, score,
 * veto, the 十佳 rule, its own members' pioneer index), member appraisal counts per branch, model
 * posts; pairs, services, micro-wishes, visit batches and problems — organisations, dates, counts
 * and funds only, never a person or a resident.
 */
export class AssessmentPairingFacts1767300000700 implements MigrationInterface {
  name = 'AssessmentPairingFacts1767300000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stat_rating (
        organization_id uuid NOT NULL,
        year integer NOT NULL,
        organization_kind text NOT NULL,
        final_score numeric(6, 2) NOT NULL,
        stars integer NOT NULL,
        vetoed boolean,
        top_ten_count integer,
        top_ten_min_score numeric(6, 2),
        pioneer_members integer,
        pioneer_points numeric(14, 2),
        rated_at timestamptz NOT NULL,
        PRIMARY KEY (organization_id, year)
      )`);
    await q.query(`
      CREATE TABLE stat_appraisal (
        branch_id uuid NOT NULL,
        year integer NOT NULL,
        excellent integer NOT NULL,
        qualified integer NOT NULL,
        basically_qualified integer NOT NULL,
        unqualified integer NOT NULL,
        PRIMARY KEY (branch_id, year)
      )`);
    await q.query(
      `CREATE TABLE stat_model_post (post_id uuid PRIMARY KEY, branch_id uuid NOT NULL, year integer NOT NULL, status text NOT NULL)`,
    );
    await q.query(`
      CREATE TABLE stat_pair (
        pair_id uuid PRIMARY KEY, helper_id uuid NOT NULL, helped_id uuid NOT NULL, status text NOT NULL, starts_on date
      )`);
    await q.query(`
      CREATE TABLE stat_pairing_service (
        service_id uuid PRIMARY KEY, helper_id uuid NOT NULL, helped_id uuid NOT NULL, type text NOT NULL,
        delivered_on date NOT NULL, beneficiaries integer NOT NULL, funds numeric(14, 2) NOT NULL
      )`);
    await q.query(`CREATE INDEX stat_pairing_service_day ON stat_pairing_service (delivered_on)`);
    await q.query(`
      CREATE TABLE stat_wish (
        wish_id uuid PRIMARY KEY, organization_id uuid NOT NULL, status text NOT NULL,
        posted_on date NOT NULL, claimed_on date, fulfilled_on date
      )`);
    await q.query(`
      CREATE TABLE stat_visit_batch (
        batch_id uuid PRIMARY KEY, organization_id uuid NOT NULL, visits integer NOT NULL, households integer NOT NULL,
        first_day date NOT NULL, last_day date NOT NULL
      )`);
    await q.query(`
      CREATE TABLE stat_problem (
        problem_id uuid PRIMARY KEY, organization_id uuid NOT NULL, status text NOT NULL,
        collected_on date NOT NULL, deadline date NOT NULL, resolved_on date
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE stat_problem, stat_visit_batch, stat_wish, stat_pairing_service, stat_pair, stat_model_post, stat_appraisal, stat_rating',
    );
  }
}
