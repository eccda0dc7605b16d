import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each member is, as told by the membership events: enough to count, nothing personal. */
export class CreateMemberPlacement1767300000200 implements MigrationInterface {
  name = 'CreateMemberPlacement1767300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE member_placement (
        member_id uuid PRIMARY KEY,
        organization_id uuid NOT NULL,
        stage text NOT NULL,
        status text NOT NULL
      )`);
    await q.query(`CREATE INDEX member_placement_org ON member_placement (organization_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE member_placement');
  }
}
