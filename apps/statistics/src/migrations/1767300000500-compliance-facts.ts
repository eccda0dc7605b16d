import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What 三会一课 needs beyond the hosts: the co-hosts of an activity (it counts for them too) and
 * the size of each elected committee (a branch with one holds committee meetings). Activities
 * recorded before keep no co-hosts until the topics are replayed (a new consumer group).
 */
export class ComplianceFacts1767300000500 implements MigrationInterface {
  name = 'ComplianceFacts1767300000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE stat_activity ADD COLUMN co_host_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE INDEX stat_activity_co_hosts ON stat_activity USING gin (co_host_ids)`);
    await q.query(`CREATE TABLE stat_committee (organization_id uuid PRIMARY KEY, seats integer NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE stat_committee');
    await q.query('ALTER TABLE stat_activity DROP COLUMN co_host_ids');
  }
}
