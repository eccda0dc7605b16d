import { MigrationInterface, QueryRunner } from 'typeorm';

export class AttendeesAndPairing1767500000100 implements MigrationInterface {
  name = 'AttendeesAndPairing1767500000100';

  async up(q: QueryRunner): Promise<void> {
    // A source of pioneer points shows "no data" until its first event arrives, never zero.
    await q.query(`
      CREATE TABLE published_fact (
        fact text PRIMARY KEY,
        since timestamptz NOT NULL
      )`);
    // 结对共建 as the pairing events tell it: one row per organisation a pair, service, wish or problem concerns.
    await q.query(`
      CREATE TABLE pairing_fact (
        source_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        kind text NOT NULL,
        day date NOT NULL,
        status text NOT NULL,
        done_on date,
        days_to_resolve integer,
        as_of timestamptz NOT NULL,
        PRIMARY KEY (source_id, organization_id)
      )`);
    await q.query(`CREATE INDEX pairing_fact_organization ON pairing_fact (organization_id, kind, day)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE pairing_fact, published_fact');
  }
}
