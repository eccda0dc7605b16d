import type { DataSource } from 'typeorm';

export interface OutboxBacklog {
  /** Events written and not yet published (parked ones excluded: they wait for an operator, not the broker). */
  events: number;
  /** Seconds since the oldest of them was written; 0 when none waits. */
  oldestAgeSeconds: number;
}

/**
 * What waits in the outbox, for the metrics scrape. Both figures come from the partial index of
 * pending rows: the count reads only waiting rows, the oldest is the first of them by position.
 */
export async function outboxBacklog(dataSource: DataSource): Promise<OutboxBacklog> {
  const [row] = await dataSource.query(
    `SELECT (SELECT count(*) FROM outbox WHERE published_at IS NULL AND parked_at IS NULL)::int AS events,
            coalesce((SELECT extract(epoch FROM now() - created_at) FROM outbox
                      WHERE published_at IS NULL AND parked_at IS NULL ORDER BY position LIMIT 1), 0)::float8 AS oldest`,
  );
  return { events: Number(row.events), oldestAgeSeconds: Math.max(0, Number(row.oldest)) };
}
