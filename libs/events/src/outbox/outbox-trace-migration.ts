import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The trace context of the request that wrote an event (`traceparent`, `tracestate`), so the
 * relay's publish continues that request's trace. Null when the writer was not traced.
 */
export class OutboxTraceContext1795737600000 implements MigrationInterface {
  name = 'OutboxTraceContext1795737600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN trace_context jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN trace_context`);
  }
}
