import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What 三会一课 compliance of a village organisation is judged from (the shared definition in
 * libs/compliance): the meetings held, from the activity events; each branch's committee size,
 * from the organisation events; each member's stage, from the membership events (a branch of 7
 * full or probationary members has a committee).
 */
export class ComplianceFacts1767500000200 implements MigrationInterface {
  name = 'ComplianceFacts1767500000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE member ADD COLUMN stage text`);
    await q.query(`
      CREATE TABLE committee_size (
        organization_id uuid PRIMARY KEY,
        seats integer NOT NULL,
        as_of timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE meeting_held (
        activity_id uuid PRIMARY KEY,
        type text NOT NULL,
        status text NOT NULL,
        host_id uuid NOT NULL,
        co_host_ids uuid[] NOT NULL DEFAULT '{}',
        held_on date,
        as_of timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX meeting_held_host ON meeting_held (host_id, held_on) WHERE status = 'HELD'`);
    await q.query(`CREATE INDEX meeting_held_co_hosts ON meeting_held USING gin (co_host_ids) WHERE status = 'HELD'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE meeting_held, committee_size');
    await q.query('ALTER TABLE member DROP COLUMN stage');
  }
}
