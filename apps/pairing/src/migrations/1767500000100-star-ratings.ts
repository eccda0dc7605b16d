import { MigrationInterface, QueryRunner } from 'typeorm';

/** The year's star ratings (评星定级) of organisations, from the assessment events. */
export class StarRatings1767500000100 implements MigrationInterface {
  name = 'StarRatings1767500000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE star_rating (
        organization_id uuid NOT NULL,
        year integer NOT NULL,
        stars integer NOT NULL,
        final_score numeric(5, 1) NOT NULL,
        as_of timestamptz NOT NULL,
        PRIMARY KEY (organization_id, year)
      )`);
    await q.query(`CREATE INDEX star_rating_year ON star_rating (year, stars)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE star_rating');
  }
}
