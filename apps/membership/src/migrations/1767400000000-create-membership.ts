import { MigrationInterface, QueryRunner } from 'typeorm';
import { accessLogStatements } from '@partybuild/personal-data';
import { PERSONAL_DATA_LOG } from '../application/personal-data';

export class CreateMembership1767400000000 implements MigrationInterface {
  name = 'CreateMembership1767400000000';

  async up(q: QueryRunner): Promise<void> {
    // ID numbers and phones only encrypted (AES-256-GCM) plus a keyed hash: a dump reveals neither.
    await q.query(`
      CREATE TABLE member (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        party_group_id uuid,
        name text NOT NULL,
        gender text NOT NULL,
        ethnicity text,
        birth_date date NOT NULL,
        education text,
        phone_sealed text,
        id_number_sealed text NOT NULL,
        id_number_hash text NOT NULL,
        work_unit text,
        post text,
        category text NOT NULL,
        status text NOT NULL DEFAULT 'ACTIVE',
        stage text NOT NULL,
        last_step integer NOT NULL DEFAULT 0,
        applied_on date,
        activist_since date,
        candidate_since date,
        joined_on date,
        probation_ends_on date,
        probation_extensions integer NOT NULL DEFAULT 0,
        full_member_since date,
        dues_base_fen integer,
        dues_start_month text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT member_id_number_unique UNIQUE (id_number_hash)
      )`);
    await q.query(`CREATE INDEX member_org_name ON member (organization_id, name, id)`);
    await q.query(`CREATE INDEX member_stage ON member (stage) WHERE stage <> 'FULL'`);
    await q.query(`CREATE INDEX member_party_group ON member (party_group_id, name, id) WHERE party_group_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE development_step (
        id bigserial PRIMARY KEY,
        member_id uuid NOT NULL REFERENCES member (id),
        step text NOT NULL,
        ordinal integer NOT NULL,
        on_date date NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        late boolean NOT NULL DEFAULT false,
        actor text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX development_step_member ON development_step (member_id, id)`);
    await q.query(`
      CREATE TABLE member_transfer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL REFERENCES member (id),
        from_organization_id uuid NOT NULL,
        to_organization_id uuid,
        destination text,
        state text NOT NULL,
        issued_on date NOT NULL,
        expires_on date NOT NULL,
        decided_on date,
        reason text,
        issued_by text NOT NULL,
        decided_by text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX member_transfer_one_pending ON member_transfer (member_id) WHERE state = 'PENDING'`);
    await q.query(`CREATE INDEX member_transfer_to ON member_transfer (to_organization_id, state)`);
    await q.query(`
      CREATE TABLE dues_payment (
        member_id uuid NOT NULL REFERENCES member (id),
        month text NOT NULL,
        amount_fen integer NOT NULL,
        paid_on date NOT NULL,
        payment_id uuid NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (member_id, month)
      )`);
    await q.query(`CREATE INDEX dues_payment_month ON dues_payment (month)`);
    for (const statement of accessLogStatements(PERSONAL_DATA_LOG, 'member')) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE personal_data_access, dues_payment, member_transfer, development_step, member');
  }
}
