/**
 * The projection the consumer specs keep: a running count of events per aggregate. Its
 * handler is not idempotent by itself (it adds one), so any event applied twice shows.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { EventEnvelope } from '../src/envelope';
import type { ConsumerOptions } from '../src/consumer/idempotent-consumer';

export async function createTallyTable(dataSource: DataSource): Promise<void> {
  await dataSource.query('CREATE TABLE tally (aggregate text PRIMARY KEY, total integer NOT NULL)');
}

export async function addToTally(manager: EntityManager, event: EventEnvelope): Promise<void> {
  await manager.query(`INSERT INTO tally (aggregate, total) VALUES ($1, 1) ON CONFLICT (aggregate) DO UPDATE SET total = tally.total + 1`, [
    event.subject,
  ]);
}

/** Handlers for `type`, schema version 1, counting into the tally; `after` runs inside the transaction. */
export function tallyHandlers(type: string, after?: (event: EventEnvelope) => void): ConsumerOptions['handlers'] {
  return {
    [type]: {
      versions: [1],
      handle: async (event, manager) => {
        await addToTally(manager, event);
        after?.(event);
      },
    },
  };
}

export async function readTally(dataSource: DataSource): Promise<Record<string, number>> {
  const rows: { aggregate: string; total: number }[] = await dataSource.query('SELECT aggregate, total FROM tally ORDER BY aggregate');
  return Object.fromEntries(rows.map((r) => [r.aggregate, r.total]));
}

export async function countRows(dataSource: DataSource, table: 'processed_event' | 'parked_event', groupId: string): Promise<number> {
  const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM ${table} WHERE consumer_group = $1`, [groupId]);
  return count;
}

export const sumOf = (tally: Record<string, number>): number => Object.values(tally).reduce((a, b) => a + b, 0);
