import { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox every producing service keeps beside its own tables. */
export class CreateOutbox1767225600000 implements MigrationInterface {
  name = 'CreateOutbox1767225600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        position bigserial PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        topic text NOT NULL,
        message_key text NOT NULL,
        envelope jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        parked_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_pending ON outbox (position) WHERE published_at IS NULL AND parked_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE outbox');
  }
}
