import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An assignee's overdue list reads open problems by deadline and id: the index holds that whole
 * order, so a page is read straight from it (no sort), and counts only the assignee's open rows.
 */
export class OverdueIndex1767500000400 implements MigrationInterface {
  name = 'OverdueIndex1767500000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX problem_assignee_overdue ON problem (assignee_id, deadline, id) WHERE status = 'OPEN'`);
    await q.query(`DROP INDEX problem_assignee_open`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX problem_assignee_open ON problem (assignee_id, deadline) WHERE status = 'OPEN'`);
    await q.query(`DROP INDEX problem_assignee_overdue`);
  }
}
