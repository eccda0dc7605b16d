import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every read of a micro-wish's resident in clear: who, with which roles, which fields, in which request. */
export class ResidentDataAccess1767500000300 implements MigrationInterface {
  name = 'ResidentDataAccess1767500000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE resident_data_access (
        id bigserial PRIMARY KEY,
        wish_id uuid NOT NULL REFERENCES micro_wish (id),
        actor text NOT NULL,
        actor_roles text[] NOT NULL,
        fields text[] NOT NULL,
        purpose text NOT NULL,
        request_id text NOT NULL,
        accessed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX resident_data_access_wish ON resident_data_access (wish_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE resident_data_access');
  }
}
