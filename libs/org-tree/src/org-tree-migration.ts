import { MigrationInterface, QueryRunner } from 'typeorm';

/** A service's own copy of the organisation tree, kept from the organisation events. */
export class CreateOrgTreeProjection1767300000100 implements MigrationInterface {
  name = 'CreateOrgTreeProjection1767300000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_node (
        id uuid PRIMARY KEY,
        parent_id uuid,
        code text NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        sector text NOT NULL,
        status text NOT NULL,
        term_ends_on date,
        path uuid[] NOT NULL
      )`);
    await q.query(`CREATE INDEX org_node_path ON org_node USING gin (path)`);
    await q.query(`CREATE INDEX org_node_parent ON org_node (parent_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE org_node');
  }
}
