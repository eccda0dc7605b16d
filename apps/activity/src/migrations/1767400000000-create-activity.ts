import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateActivity1767400000000 implements MigrationInterface {
  name = 'CreateActivity1767400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE activity (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL,
        status text NOT NULL,
        host_id uuid NOT NULL,
        host_path uuid[] NOT NULL,
        co_host_ids uuid[] NOT NULL DEFAULT '{}',
        topic text NOT NULL,
        planned_on date,
        held_on date,
        day date GENERATED ALWAYS AS (coalesce(held_on, planned_on)) STORED,
        start_time text,
        place text,
        lecturer_name text,
        lecturer_member_id uuid,
        lecturer_is_secretary boolean NOT NULL DEFAULT false,
        minutes text,
        business_link text,
        attachments jsonb NOT NULL DEFAULT '[]',
        cancelled_on date,
        cancel_reason text,
        expected integer NOT NULL DEFAULT 0,
        present integer NOT NULL DEFAULT 0,
        late integer NOT NULL DEFAULT 0,
        excused integer NOT NULL DEFAULT 0,
        absent integer NOT NULL DEFAULT 0,
        voting_members integer,
        voting_attending integer,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CHECK (status <> 'HELD' OR held_on IS NOT NULL),
        CHECK (status <> 'PLANNED' OR planned_on IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX activity_host_day ON activity (host_id, day DESC, id)`);
    await q.query(`CREATE INDEX activity_co_hosts ON activity USING gin (co_host_ids)`);
    await q.query(`CREATE INDEX activity_host_path ON activity USING gin (host_path)`);
    await q.query(`CREATE INDEX activity_planned ON activity (planned_on) WHERE status = 'PLANNED'`);
    await q.query(`CREATE INDEX activity_held ON activity (held_on, host_id, type) WHERE status = 'HELD'`);
    await q.query(`
      CREATE TABLE attendance (
        activity_id uuid NOT NULL REFERENCES activity (id),
        member_id uuid NOT NULL,
        status text NOT NULL,
        day date NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (activity_id, member_id)
      )`);
    await q.query(`CREATE INDEX attendance_member_day ON attendance (member_id, day DESC)`);
    await q.query(`
      CREATE TABLE best_party_day_nomination (
        activity_id uuid PRIMARY KEY REFERENCES activity (id),
        year integer NOT NULL,
        host_path uuid[] NOT NULL,
        reason text NOT NULL,
        nominated_by text NOT NULL,
        nominated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX best_party_day_year ON best_party_day_nomination (year)`);
    // The read models kept from other services' events (never their tables).
    await q.query(`
      CREATE TABLE member (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        party_group_id uuid,
        stage text NOT NULL,
        status text NOT NULL,
        voting_rights boolean NOT NULL,
        as_of timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX member_organization ON member (organization_id)`);
    await q.query(`CREATE INDEX member_party_group ON member (party_group_id) WHERE party_group_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE committee_seat (
        id bigserial PRIMARY KEY,
        organization_id uuid NOT NULL,
        member_id uuid,
        role text NOT NULL,
        term_start date,
        term_end date,
        since timestamptz NOT NULL,
        until timestamptz
      )`);
    await q.query(`CREATE INDEX committee_seat_org ON committee_seat (organization_id, until)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE committee_seat, member, best_party_day_nomination, attendance, activity');
  }
}
