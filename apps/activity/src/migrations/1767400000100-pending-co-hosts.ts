import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Co-hosts named by a cadre outside their scope wait for a cadre of the co-host to confirm;
 * until then they are kept apart from the confirmed co-hosts, whose members attendance may name.
 * The index finds an exact repeat of a meeting quickly (same host, type, day, topic).
 */
export class PendingCoHosts1767400000100 implements MigrationInterface {
  name = 'PendingCoHosts1767400000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE activity ADD COLUMN pending_co_host_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX activity_pending_co_hosts ON activity USING gin (pending_co_host_ids)`);
    await q.query(`CREATE INDEX activity_repeat ON activity (host_id, type, day, topic) WHERE status <> 'CANCELLED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX activity_repeat`);
    await q.query(`DROP INDEX activity_pending_co_hosts`);
    await q.query(`ALTER TABLE activity DROP COLUMN pending_co_host_ids`);
  }
}
