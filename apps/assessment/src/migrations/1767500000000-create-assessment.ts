import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAssessment1767500000000 implements MigrationInterface {
  name = 'CreateAssessment1767500000000';

  async up(q: QueryRunner): Promise<void> {
    // 考核方案: the indicator tree is one document, validated as a whole before it is written.
    await q.query(`
      CREATE TABLE scheme (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        year integer NOT NULL,
        organization_kind text NOT NULL,
        name text NOT NULL,
        indicators jsonb NOT NULL,
        vetoes jsonb NOT NULL DEFAULT '[]',
        copied_from uuid REFERENCES scheme (id),
        in_use boolean NOT NULL DEFAULT false,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX scheme_year_kind ON scheme (year, organization_kind)`);
    await q.query(`
      CREATE TABLE round (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        scheme_id uuid NOT NULL REFERENCES scheme (id),
        organization_id uuid NOT NULL,
        organization_path uuid[] NOT NULL,
        organization_kind text NOT NULL,
        year integer NOT NULL,
        phase text NOT NULL,
        final_score numeric(6, 2),
        grade text,
        stars integer,
        vetoed boolean,
        veto_reasons jsonb,
        snapshot jsonb,
        opened_by text NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        closed_by text,
        closed_at timestamptz,
        UNIQUE (organization_id, year)
      )`);
    await q.query(`CREATE INDEX round_year_kind ON round (year, organization_kind, final_score DESC)`);
    await q.query(`CREATE INDEX round_path ON round USING gin (organization_path)`);
    // Every score and deduction is kept: who scored what, when, in which phase.
    await q.query(`
      CREATE TABLE score_entry (
        id bigserial PRIMARY KEY,
        round_id uuid NOT NULL REFERENCES round (id),
        indicator_code text NOT NULL,
        phase text NOT NULL,
        kind text NOT NULL,
        points numeric(6, 2) NOT NULL CHECK (points >= 0),
        evidence text,
        reason text,
        occurred_on date,
        scored_by text NOT NULL,
        scored_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX score_entry_round ON score_entry (round_id, indicator_code, id)`);
    await q.query(`
      CREATE TABLE appraisal (
        member_id uuid NOT NULL,
        year integer NOT NULL,
        branch_id uuid NOT NULL,
        branch_path uuid[] NOT NULL,
        grade text NOT NULL,
        decided_by text NOT NULL,
        decided_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (member_id, year)
      )`);
    await q.query(`CREATE INDEX appraisal_branch ON appraisal (branch_id, year)`);
    await q.query(`
      CREATE TABLE follow_up (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        member_id uuid NOT NULL,
        year integer NOT NULL,
        branch_id uuid NOT NULL,
        branch_path uuid[] NOT NULL,
        measure text NOT NULL,
        deadline date NOT NULL,
        status text NOT NULL,
        outcome text,
        closed_by text,
        closed_at timestamptz,
        UNIQUE (member_id, year)
      )`);
    await q.query(`
      CREATE TABLE model_post (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        branch_id uuid NOT NULL,
        branch_path uuid[] NOT NULL,
        member_id uuid NOT NULL,
        year integer NOT NULL,
        title text NOT NULL,
        status text NOT NULL,
        reason text,
        nominated_by text NOT NULL,
        nominated_at timestamptz NOT NULL DEFAULT now(),
        decided_by text,
        decided_at timestamptz,
        UNIQUE (member_id, year)
      )`);
    await q.query(`CREATE INDEX model_post_branch ON model_post (branch_id, year)`);
    await q.query(`
      CREATE TABLE secretary_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL,
        organization_path uuid[] NOT NULL,
        year integer NOT NULL,
        secretary_name text NOT NULL,
        grade text NOT NULL,
        summary text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (organization_id, year)
      )`);
    await q.query(`
      CREATE TABLE notice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        issuer_id uuid NOT NULL,
        issuer_path uuid[] NOT NULL,
        title text NOT NULL,
        issued_on date NOT NULL,
        commended uuid[] NOT NULL DEFAULT '{}',
        criticised uuid[] NOT NULL DEFAULT '{}',
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE rectification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        notice_id uuid NOT NULL REFERENCES notice (id),
        owner_id uuid NOT NULL,
        owner_path uuid[] NOT NULL,
        item text NOT NULL,
        deadline date NOT NULL,
        status text NOT NULL,
        outcome text,
        closed_by text,
        closed_on date
      )`);
    await q.query(`CREATE INDEX rectification_open ON rectification (deadline) WHERE status = 'OPEN'`);
    await q.query(`CREATE INDEX rectification_owner_path ON rectification USING gin (owner_path)`);
    // 党员先锋指数: one row per fact that earned points, written as the fact's event arrives.
    await q.query(`
      CREATE TABLE pioneer_point (
        member_id uuid NOT NULL,
        fact text NOT NULL,
        source_id text NOT NULL,
        month text NOT NULL,
        points numeric(6, 2) NOT NULL,
        detail text NOT NULL,
        PRIMARY KEY (member_id, fact, source_id)
      )`);
    await q.query(`CREATE INDEX pioneer_point_member_month ON pioneer_point (member_id, month)`);
    // The read models kept from other services' events (never their tables).
    await q.query(`
      CREATE TABLE member (
        id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        stage text NOT NULL,
        status text NOT NULL,
        category text NOT NULL,
        joined_on date,
        dues_start_month text,
        as_of timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX member_organization ON member (organization_id)`);
    await q.query(`
      CREATE TABLE meeting_fact (
        activity_id uuid PRIMARY KEY,
        host_id uuid NOT NULL,
        host_path uuid[] NOT NULL,
        type text NOT NULL,
        status text NOT NULL,
        held_on date,
        expected integer NOT NULL,
        attended integer NOT NULL,
        as_of timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX meeting_fact_path ON meeting_fact USING gin (host_path)`);
    await q.query(`CREATE INDEX meeting_fact_host_day ON meeting_fact (host_id, held_on) WHERE status = 'HELD'`);
    // The earliest payment covering each month decides whether it was on time.
    await q.query(`
      CREATE TABLE dues_fact (
        member_id uuid NOT NULL,
        month text NOT NULL,
        paid_on date NOT NULL,
        PRIMARY KEY (member_id, month)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      'DROP TABLE dues_fact, meeting_fact, member, pioneer_point, rectification, notice, secretary_report, model_post, follow_up, appraisal, score_entry, round, scheme',
    );
  }
}
