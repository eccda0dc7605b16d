import { Client } from 'pg';
import type { Logger } from '@partybuild/logging';

/** The channel a publish to the embedded log notifies, in the same transaction (delivered at commit). */
export const EVENT_LOG_CHANNEL = 'partybuild_event_log';

const RECONNECT_MS = 1_000;

/**
 * Wakes the embedded log's readers when a batch is committed, in this process or another
 * (PostgreSQL LISTEN/NOTIFY), so that an idle reader waits instead of querying the log every few
 * milliseconds: with a dozen groups and topics that polling alone kept a small machine busy. A
 * reader still looks at the log after its fallback interval, so a lost connection only slows it.
 */
export class EventLogDoorbell {
  private rings = 0;
  private readonly waiters = new Set<() => void>();
  private client?: Client;
  private closed = false;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {}

  /** How many notifications have arrived: read before looking at the log, passed to `wait`. */
  get count(): number {
    return this.rings;
  }

  async listen(): Promise<void> {
    if (this.closed || this.client) return;
    const client = new Client({ connectionString: this.url });
    this.client = client;
    client.on('notification', () => this.ring());
    const lost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = undefined;
      client.end().catch(() => undefined);
      if (this.closed) return;
      this.logger.warn({ err: error }, 'event log notifications lost; readers look every interval until they are back');
      setTimeout(() => void this.listen().catch(() => undefined), RECONNECT_MS).unref();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENT_LOG_CHANNEL}`);
      // Whatever was committed while not listening is read at once.
      this.ring();
    } catch (error) {
      lost(error as Error);
    }
  }

  /** Resolves when a notification arrived after `seen` was read, or after `ms` at the latest. */
  wait(seen: number, ms: number): Promise<void> {
    if (this.rings !== seen || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  /** Lets every waiting reader look at the log now (a reader stopping, a notification). */
  wakeAll(): void {
    for (const done of [...this.waiters]) done();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wakeAll();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private ring(): void {
    this.rings += 1;
    this.wakeAll();
  }
}
