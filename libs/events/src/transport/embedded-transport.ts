import { Pool, PoolClient } from 'pg';
import type { Logger } from '@partybuild/logging';
import { ensureDatabase } from '@partybuild/persistence';
import { ConsumerLag, EventTransport, OutgoingRecord, PublishError, SubscribeOptions, Subscription } from './event-transport';
import { EVENT_LOG_CHANNEL, EventLogDoorbell } from './event-log-doorbell';

/**
 * The zero-setup transport: an append-only log in one PostgreSQL database shared by the
 * services of a single node. One partition per topic; positions are handed out under a lock
 * so that they become visible in order and a reader never skips a late-committing record.
 * Readers are woken by a notification at each publish's commit (`EventLogDoorbell`) and look
 * at the log every `pollMs` besides.
 */
export class EmbeddedTransport implements EventTransport {
  readonly name = 'embedded';
  private readonly pool: Pool;
  private ready?: Promise<void>;
  private readonly loops = new Set<{ stopped: boolean; groupId: string; topics: string[] }>();
  /** Groups whose last attempt to read the log failed, with the reason (for readiness). */
  private readonly failing = new Map<string, string>();
  private readonly doorbell: EventLogDoorbell;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
    private readonly pollMs = 1_000,
  ) {
    this.pool = new Pool({ connectionString: url, max: 8 });
    this.doorbell = new EventLogDoorbell(url, logger);
    // An idle connection dropped by a restarting server must not crash the process: the next
    // query opens a new one, and the failure is reported by the operation that needed it.
    this.pool.on('error', (error) => this.logger.warn({ err: error }, 'event log connection lost; reconnecting on next use'));
  }

  /**
   * A connection for one unit of work. While checked out, a connection has no listener of the
   * pool's, and a server that goes away makes it emit `error`: without one of ours, that would
   * end the process. The failure reaches the caller through its query anyway.
   */
  private async checkout(): Promise<PoolClient> {
    const client = await this.pool.connect();
    const onError = (error: Error) => this.logger.warn({ err: error }, 'event log connection lost during work');
    client.on('error', onError);
    const release = client.release.bind(client);
    client.release = (destroy?: boolean | Error) => {
      client.removeListener('error', onError);
      return release(destroy);
    };
    return client;
  }

  /** The log has no topics to create: every topic is a value of one table. */
  async ensureTopics(): Promise<void> {}

  degraded(): string[] {
    return [...this.failing].map(([group, reason]) => `consumer group ${group} cannot read the event log: ${reason}`);
  }

  async publish(records: OutgoingRecord[]): Promise<void> {
    if (records.length === 0) return;
    await this.ensureSchema();
    let client: PoolClient | undefined;
    try {
      client = await this.checkout();
      await client.query('BEGIN');
      await client.query('LOCK TABLE event_log IN EXCLUSIVE MODE');
      await client.query(
        `INSERT INTO event_log (topic, message_key, value)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
        [records.map((r) => r.topic), records.map((r) => r.key), records.map((r) => r.value)],
      );
      await client.query('SELECT pg_notify($1, $2)', [EVENT_LOG_CHANNEL, '']);
      await client.query('COMMIT');
    } catch (error) {
      await client?.query('ROLLBACK').catch(() => undefined);
      throw new PublishError(`The event log refused the batch: ${(error as Error).message}`, true, error);
    } finally {
      client?.release();
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    await this.ensureSchema();
    for (const topic of options.topics) {
      await this.pool.query(
        `INSERT INTO event_log_offset (group_id, topic, position)
         SELECT $1, $2, CASE WHEN $3 THEN 0 ELSE coalesce(max(position), 0) END FROM event_log WHERE topic = $2
         ON CONFLICT DO NOTHING`,
        [options.groupId, topic, options.fromBeginning ?? false],
      );
    }
    const state = { stopped: false, groupId: options.groupId, topics: options.topics };
    this.loops.add(state);
    const done = this.poll(options, state);
    return {
      stop: async () => {
        state.stopped = true;
        this.doorbell.wakeAll();
        await done;
        this.loops.delete(state);
      },
    };
  }

  /** Records of the log past each subscribed group's position (one partition per topic: 0). */
  async consumerLag(): Promise<ConsumerLag[]> {
    const pairs = [...this.loops].flatMap((loop) => loop.topics.map((topic) => [loop.groupId, topic]));
    if (pairs.length === 0) return [];
    const { rows } = await this.pool.query(
      `SELECT o.group_id, o.topic,
              (SELECT count(*) FROM event_log l WHERE l.topic = o.topic AND l.position > o.position)::int AS lag
       FROM event_log_offset o JOIN unnest($1::text[], $2::text[]) AS s (group_id, topic) USING (group_id, topic)`,
      [pairs.map(([group]) => group), pairs.map(([, topic]) => topic)],
    );
    return rows.map((r: { group_id: string; topic: string; lag: number }) => ({
      group: r.group_id,
      topic: r.topic,
      partition: 0,
      lag: r.lag,
    }));
  }

  async close(): Promise<void> {
    for (const loop of this.loops) loop.stopped = true;
    await this.doorbell.close();
    await this.pool.end();
  }

  /** One reader for all the topics, or one per topic when their batches may be handled at once. */
  private poll(options: SubscribeOptions, state: { stopped: boolean }): Promise<void> {
    if (!options.topicsInParallel) return this.read(options, options.topics, state);
    return Promise.all(options.topics.map((topic) => this.read(options, [topic], state))).then(() => undefined);
  }

  private async read(options: SubscribeOptions, topics: string[], state: { stopped: boolean }): Promise<void> {
    while (!state.stopped) {
      const rung = this.doorbell.count;
      let delivered = 0;
      try {
        for (const topic of topics) delivered += await this.deliverNext(options, topic);
        this.failing.delete(options.groupId);
      } catch (error) {
        this.failing.set(options.groupId, (error as Error).message);
        this.logger.warn({ err: error, groupId: options.groupId }, 'event batch failed; it will be delivered again');
        await sleep(500);
      }
      // A reader stopped while it delivered must not wait out its interval before it ends.
      if (delivered === 0 && !state.stopped) await this.doorbell.wait(rung, this.pollMs);
    }
  }

  /**
   * One batch of one topic for the group. Several instances of a service share the group: a
   * transaction-scoped lock per group and topic lets one of them deliver at a time, so a
   * batch is not handed out twice and the committed position never goes back.
   */
  private async deliverNext(options: SubscribeOptions, topic: string): Promise<number> {
    const client = await this.checkout();
    let failed: Error | undefined;
    try {
      await client.query('BEGIN');
      const { rows: lock } = await client.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
        `${options.groupId}/${topic}`,
      ]);
      if (!lock[0].locked) {
        await client.query('COMMIT');
        return 0;
      }
      const { rows } = await client.query(
        `SELECT l.position, l.message_key, l.value FROM event_log l
         JOIN event_log_offset o ON o.group_id = $1 AND o.topic = l.topic
         WHERE l.topic = $2 AND l.position > o.position ORDER BY l.position LIMIT $3`,
        [options.groupId, topic, BATCH_SIZE],
      );
      if (rows.length) {
        await options.handleBatch(
          rows.map((r) => ({ topic, partition: 0, offset: String(r.position), key: r.message_key, value: r.value })),
        );
        await client.query('UPDATE event_log_offset SET position = $3 WHERE group_id = $1 AND topic = $2', [
          options.groupId,
          topic,
          rows[rows.length - 1].position,
        ]);
      }
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      failed = error as Error;
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      // A connection that failed is not reused: the server may have restarted.
      client.release(failed);
    }
  }

  private ensureSchema(): Promise<void> {
    return (this.ready ??= ensureDatabase(this.url)
      .then(() =>
        this.pool.query(
          // Several services create the log on first use; the lock keeps them from racing.
          `BEGIN;
         SELECT pg_advisory_xact_lock(hashtext('partybuild.event_log'));
         CREATE TABLE IF NOT EXISTS event_log (
           position bigserial PRIMARY KEY,
           topic text NOT NULL,
           message_key text NOT NULL,
           value text NOT NULL,
           stored_at timestamptz NOT NULL DEFAULT now());
         CREATE INDEX IF NOT EXISTS event_log_topic_position ON event_log (topic, position);
         CREATE TABLE IF NOT EXISTS event_log_offset (
           group_id text NOT NULL,
           topic text NOT NULL,
           position bigint NOT NULL,
           PRIMARY KEY (group_id, topic));
         COMMIT;`,
        ),
      )
      .then(() => this.doorbell.listen())
      .catch((error) => {
        this.ready = undefined;
        throw error;
      }));
  }
}

/** Records handed to a consumer at once: large batches make replays fast (one transaction each). */
const BATCH_SIZE = 2000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
