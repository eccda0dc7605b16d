import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A counter the consumer raises in the same transaction as every batch it applies, so a
 * cached figure is known to be current by comparing one number (on any instance).
 */
export class CreateFiguresVersion1767300000400 implements MigrationInterface {
  name = 'CreateFiguresVersion1767300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE stat_version (id integer PRIMARY KEY CHECK (id = 1), version bigint NOT NULL)`);
    await q.query(`INSERT INTO stat_version (id, version) VALUES (1, 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE stat_version');
  }
}
