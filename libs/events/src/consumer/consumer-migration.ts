import { MigrationInterface, QueryRunner } from 'typeorm';

/** What an idempotent consumer keeps: the events it applied, and those it could not read. */
export class CreateConsumerTables1767225600001 implements MigrationInterface {
  name = 'CreateConsumerTables1767225600001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE processed_event (
        consumer_group text NOT NULL,
        event_id text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
    await q.query(`
      CREATE TABLE parked_event (
        consumer_group text NOT NULL,
        topic text NOT NULL,
        partition integer NOT NULL,
        "offset" text NOT NULL,
        message_key text NOT NULL,
        value text NOT NULL,
        reason text NOT NULL,
        parked_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, topic, partition, "offset")
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE parked_event');
    await q.query('DROP TABLE processed_event');
  }
}
