import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOrganization1767300000000 implements MigrationInterface {
  name = 'CreateOrganization1767300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        kind text NOT NULL,
        sector text NOT NULL,
        department_category text,
        hosting_unit text,
        staff_count integer,
        full_time_cadres integer,
        part_time_cadres integer,
        parent_id uuid REFERENCES organization (id),
        ancestor_ids uuid[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'ACTIVE',
        ends_on date,
        dissolved_on date,
        term_started_on date,
        term_ends_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE INDEX organization_parent ON organization (parent_id)`);
    await q.query(`CREATE INDEX organization_ancestors ON organization USING gin (ancestor_ids)`);
    await q.query(`CREATE INDEX organization_term_ends ON organization (term_ends_on) WHERE status = 'ACTIVE'`);
    await q.query(`
      CREATE TABLE committee_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        person_name text NOT NULL,
        member_id uuid,
        role text NOT NULL,
        term_start date NOT NULL,
        term_end date,
        ended_on date,
        election_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX committee_member_org ON committee_member (organization_id, ended_on)`);
    await q.query(`
      CREATE TABLE election (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id),
        held_on date NOT NULL,
        term_ends_on date,
        eligible_voters integer,
        votes_cast integer,
        notes text,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX election_org ON election (organization_id, held_on)`);
    await q.query(`
      CREATE TABLE organization_revision (
        id bigserial PRIMARY KEY,
        organization_id uuid NOT NULL REFERENCES organization (id),
        change text NOT NULL,
        snapshot jsonb NOT NULL,
        actor text NOT NULL,
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX organization_revision_org ON organization_revision (organization_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE organization_revision, election, committee_member, organization');
  }
}
