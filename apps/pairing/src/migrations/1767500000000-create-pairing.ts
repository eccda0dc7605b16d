import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePairing1767500000000 implements MigrationInterface {
  name = 'CreatePairing1767500000000';

  async up(q: QueryRunner): Promise<void> {
    // What the organisation events say beyond the tree copy: the agency's department category.
    await q.query(`CREATE TABLE org_category (organization_id uuid PRIMARY KEY, department_category text)`);
    // Who belongs where, from the membership events (ids only).
    await q.query(`
      CREATE TABLE member (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        status text NOT NULL,
        as_of timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX member_organization ON member (organization_id)`);
    await q.query(`
      CREATE TABLE village_profile (
        organization_id uuid PRIMARY KEY,
        village_type text NOT NULL,
        facts text[] NOT NULL DEFAULT '{}',
        population integer,
        households integer,
        set_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE agency_capacity (
        organization_id uuid PRIMARY KEY,
        capacity integer NOT NULL CHECK (capacity >= 0),
        set_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE org_pair (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        helper_id uuid NOT NULL,
        helped_id uuid NOT NULL,
        status text NOT NULL,
        rule text,
        reason text,
        proposed_on date NOT NULL,
        starts_on date,
        term_months integer NOT NULL,
        ends_on date,
        ended_on date,
        end_reason text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX org_pair_helper ON org_pair (helper_id) WHERE status <> 'ENDED'`);
    await q.query(`CREATE INDEX org_pair_helped ON org_pair (helped_id)`);
    await q.query(`CREATE INDEX org_pair_helper_all ON org_pair (helper_id)`);
    // One open pair per helped organisation and kind: a village is not paired with two agencies at once.
    await q.query(`CREATE UNIQUE INDEX org_pair_one_open ON org_pair (helped_id, kind) WHERE status <> 'ENDED'`);
    await q.query(`
      CREATE TABLE member_pair (
        id uuid PRIMARY KEY,
        agency_member_id uuid NOT NULL,
        rural_member_id uuid NOT NULL,
        pair_id uuid REFERENCES org_pair (id),
        starts_on date NOT NULL,
        ends_on date,
        created_by text NOT NULL
      )`);
    await q.query(`CREATE INDEX member_pair_agency ON member_pair (agency_member_id)`);
    await q.query(`CREATE INDEX member_pair_rural ON member_pair (rural_member_id)`);
    await q.query(`
      CREATE TABLE service_record (
        id uuid PRIMARY KEY,
        pair_id uuid NOT NULL REFERENCES org_pair (id),
        helper_id uuid NOT NULL,
        helped_id uuid NOT NULL,
        type text NOT NULL,
        delivered_on date NOT NULL,
        beneficiaries integer NOT NULL,
        funds numeric(14, 2) NOT NULL,
        outcome text NOT NULL,
        attachments jsonb NOT NULL DEFAULT '[]',
        member_ids uuid[] NOT NULL DEFAULT '{}',
        created_by text NOT NULL
      )`);
    await q.query(`CREATE INDEX service_record_pair ON service_record (pair_id, delivered_on)`);
    await q.query(`CREATE INDEX service_record_members ON service_record USING gin (member_ids)`);
    await q.query(`
      CREATE TABLE micro_wish (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        title text NOT NULL,
        resident_name_sealed text NOT NULL,
        resident_contact_sealed text,
        status text NOT NULL,
        posted_on date NOT NULL,
        expires_on date NOT NULL,
        claimed_by uuid,
        claimed_on date,
        fulfilled_on date,
        evidence text,
        created_by text NOT NULL
      )`);
    await q.query(`CREATE INDEX micro_wish_org ON micro_wish (organization_id, status)`);
    await q.query(`CREATE INDEX micro_wish_claimer ON micro_wish (claimed_by, claimed_on)`);
    await q.query(`
      CREATE TABLE household_visit (
        id uuid PRIMARY KEY,
        batch_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        visited_on date NOT NULL,
        household text NOT NULL,
        visitor_member_ids uuid[] NOT NULL DEFAULT '{}',
        note text,
        recorded_by text NOT NULL
      )`);
    await q.query(`CREATE INDEX household_visit_org ON household_visit (organization_id, visited_on)`);
    await q.query(`
      CREATE TABLE problem (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        visit_id uuid,
        category text NOT NULL,
        description text NOT NULL,
        assignee_id uuid NOT NULL,
        collected_on date NOT NULL,
        deadline date NOT NULL,
        status text NOT NULL,
        resolved_on date,
        resolution text,
        escalated_to uuid,
        created_by text NOT NULL
      )`);
    await q.query(`CREATE INDEX problem_assignee_open ON problem (assignee_id, deadline) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX problem_org ON problem (organization_id, status)`);
    await q.query(`
      CREATE TABLE instructor (
        id uuid PRIMARY KEY,
        member_id uuid NOT NULL,
        organization_id uuid NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        created_by text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE instructor_visit (
        id uuid PRIMARY KEY,
        instructor_id uuid NOT NULL REFERENCES instructor (id),
        visited_on date NOT NULL,
        note text NOT NULL,
        created_by text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE joint_committee (
        id uuid PRIMARY KEY,
        kind text NOT NULL,
        name text NOT NULL,
        organization_ids uuid[] NOT NULL,
        leader_member_id uuid,
        note text,
        created_by text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'joint_committee',
      'instructor_visit',
      'instructor',
      'problem',
      'household_visit',
      'micro_wish',
      'service_record',
      'member_pair',
      'org_pair',
      'agency_capacity',
      'village_profile',
      'member',
      'org_category',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
