import { MigrationInterface, QueryRunner } from 'typeorm';

/** The facts the figures are counted from, each kept from the events of the service that owns it. */
export class CreateFacts1767300000300 implements MigrationInterface {
  name = 'CreateFacts1767300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stat_member (
        member_id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        stage text NOT NULL,
        status text NOT NULL,
        category text NOT NULL,
        gender text NOT NULL,
        birth_date date NOT NULL,
        education text,
        joined_on date,
        full_member_since date,
        monthly_due_fen integer
      )`);
    await q.query(`CREATE INDEX stat_member_org ON stat_member (organization_id)`);
    await q.query(`
      CREATE TABLE stat_transfer (
        transfer_id text PRIMARY KEY,
        member_id uuid NOT NULL,
        from_organization_id uuid NOT NULL,
        to_organization_id uuid,
        transferred_on date NOT NULL,
        out_of_district boolean NOT NULL
      )`);
    await q.query(`
      CREATE TABLE stat_dues_payment (
        event_id text PRIMARY KEY,
        member_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        months text[] NOT NULL,
        amount_fen bigint NOT NULL,
        paid_on date NOT NULL
      )`);
    await q.query(`CREATE INDEX stat_dues_member ON stat_dues_payment (member_id)`);
    await q.query(`
      CREATE TABLE stat_activity (
        activity_id uuid PRIMARY KEY,
        host_id uuid NOT NULL,
        type text NOT NULL,
        status text NOT NULL,
        held_on date,
        month text NOT NULL,
        expected integer NOT NULL DEFAULT 0,
        present integer NOT NULL DEFAULT 0,
        late integer NOT NULL DEFAULT 0,
        excused integer NOT NULL DEFAULT 0,
        absent integer NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX stat_activity_host ON stat_activity (host_id, month)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE stat_activity, stat_dues_payment, stat_transfer, stat_member');
  }
}
