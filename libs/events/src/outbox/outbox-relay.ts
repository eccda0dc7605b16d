import type { DataSource, QueryRunner } from 'typeorm';
import type { Logger } from '@partybuild/logging';
import { EventTransport, PublishError } from '../transport/event-transport';
import { publishSpans } from './publish-spans';

export interface PendingRow {
  position: string;
  event_id: string;
  topic: string;
  message_key: string;
  envelope: string;
  /** The writing request's trace context, when it was traced. */
  trace_context: Record<string, string> | null;
}

export interface RelayOptions {
  dataSource: DataSource;
  transport: EventTransport;
  logger: Logger;
  batchSize?: number;
  idleMs?: number;
  /** Messages larger than this can never be accepted by the broker: they are parked. */
  maxMessageBytes?: number;
}

/**
 * Publishes the outbox in position order. Only one relay per database works at a time
 * (an advisory lock), so per-aggregate order survives several instances of a service.
 * A broker outage only delays publishing: rows are marked published after the broker
 * acknowledged them, and nothing is skipped. A message the broker can never accept is
 * parked (kept, flagged) so that it does not block the others.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private readonly maxMessageBytes: number;
  /** Published, parked and failed attempts since start: exposed as metrics. */
  readonly stats = { published: 0, parked: 0, failures: 0 };
  /** Why the last attempt failed, until one succeeds (for readiness). */
  private lastFailure?: string;

  constructor(private readonly options: RelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.idleMs = options.idleMs ?? 50;
    this.maxMessageBytes = options.maxMessageBytes ?? 900_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Asks for an immediate pass (after a commit) instead of waiting for the next poll. */
  nudge(): void {
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.nudge();
    await this.loop;
  }

  /** Writes are kept in the outbox meanwhile: a relay that cannot publish degrades, it does not stop the service. */
  problem(): string | undefined {
    return this.running && this.lastFailure ? `outbox relay cannot publish (events wait in the outbox): ${this.lastFailure}` : undefined;
  }

  /** Publishes until nothing is pending (graceful shutdown, tests). */
  async flush(): Promise<void> {
    while ((await this.publishOnce()) > 0);
  }

  private async run(): Promise<void> {
    let backoff = 0;
    while (this.running) {
      try {
        const sent = await this.publishOnce();
        backoff = 0;
        this.lastFailure = undefined;
        if (sent < this.batchSize) await this.pause(this.idleMs);
      } catch (error) {
        this.stats.failures += 1;
        this.lastFailure = (error as Error).message;
        // Capped at half a second: after a broker outage publishing resumes within about a second.
        backoff = Math.min(backoff ? backoff * 2 : 100, 500);
        this.options.logger.warn({ err: error, retryInMs: backoff }, 'outbox relay could not publish; will retry');
        await this.pause(backoff);
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** One pass under the advisory lock; returns how many messages left the outbox. */
  private async publishOnce(): Promise<number> {
    const runner = this.options.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(hashtext('partybuild.outbox-relay')) AS locked`);
      if (!locked) return 0;
      try {
        const rows: PendingRow[] = await runner.query(
          `SELECT position, event_id, topic, message_key, envelope::text AS envelope, trace_context FROM outbox
           WHERE published_at IS NULL AND parked_at IS NULL ORDER BY position LIMIT $1`,
          [this.batchSize],
        );
        if (rows.length === 0) return 0;
        const oversized = rows.filter((r) => Buffer.byteLength(r.envelope) > this.maxMessageBytes);
        await this.park(runner, oversized, 'larger than the broker accepts');
        const sendable = rows.filter((r) => !oversized.includes(r));
        await this.publishRows(runner, sendable);
        return rows.length;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext('partybuild.outbox-relay'))`);
      }
    } finally {
      await runner.release();
    }
  }

  private async publishRows(runner: QueryRunner, rows: PendingRow[]): Promise<void> {
    if (rows.length === 0) return;
    const spans = publishSpans(rows, this.options.transport.name);
    try {
      await this.options.transport.publish(
        rows.map((r) => ({ topic: r.topic, key: r.message_key, value: r.envelope, headers: spans.headersOf(r) })),
      );
      spans.end();
      await this.markPublished(runner, rows);
    } catch (error) {
      spans.end(error);
      const retriable = !(error instanceof PublishError) || error.retriable;
      await runner.query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE position = ANY($1::bigint[])`, [
        rows.map((r) => r.position),
        (error as Error).message.slice(0, 2000),
      ]);
      if (retriable) throw error;
      // The broker refused something for good: find the culprit one by one, publish the rest.
      if (rows.length === 1) return this.park(runner, rows, (error as Error).message);
      for (const row of rows) await this.publishRows(runner, [row]);
    }
  }

  private async markPublished(runner: QueryRunner, rows: PendingRow[]): Promise<void> {
    await runner.query(`UPDATE outbox SET published_at = now() WHERE position = ANY($1::bigint[])`, [rows.map((r) => r.position)]);
    this.stats.published += rows.length;
  }

  private async park(runner: QueryRunner, rows: PendingRow[], reason: string): Promise<void> {
    if (rows.length === 0) return;
    await runner.query(`UPDATE outbox SET parked_at = now(), last_error = $2 WHERE position = ANY($1::bigint[])`, [
      rows.map((r) => r.position),
      reason,
    ]);
    this.stats.parked += rows.length;
    this.options.logger.error({ positions: rows.map((r) => r.position), reason }, 'outbox messages parked');
  }
}
