import type { DataSource } from 'typeorm';
import { openDataSource } from '@partybuild/persistence';
import { eventually, freshDatabase } from '@partybuild/testing';
import { createEnvelope } from '../envelope';
import { consumerMigrations } from '../index';
import { EmbeddedTransport } from '../transport/embedded-transport';
import { startIdempotentConsumer } from './idempotent-consumer';
import { logger } from '../../test/support';

/** A large batch applied as two transactions split by key: each key in order, every event once, even when one part fails. */
describe('a consumer splitting large batches by key', () => {
  let dataSource: DataSource;
  let transport: EmbeddedTransport;
  const aggregates = Array.from({ length: 20 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);

  beforeAll(async () => {
    const url = await freshDatabase();
    dataSource = await openDataSource({ url, entities: [], migrations: consumerMigrations, poolSize: 6 });
    await dataSource.query(`CREATE TABLE seen (aggregate text, n integer, tx bigint, PRIMARY KEY (aggregate, n))`);
    transport = new EmbeddedTransport(url, logger, 20);
    // 20 aggregates × 30 events, interleaved: one batch of 600.
    const events = Array.from({ length: 30 }, (_, n) =>
      aggregates.map((a) =>
        createEnvelope('split', {
          type: 'split.counted',
          aggregateId: a,
          organizationId: a,
          organizationPath: [a],
          actor: 't',
          data: { n },
        }),
      ),
    ).flat();
    await transport.publish(events.map((e) => ({ topic: 'partybuild.split', key: e.subject, value: JSON.stringify(e) })));
  });
  afterAll(async () => {
    await transport?.close();
    await dataSource?.destroy();
  });

  it('keeps each key in order, applies each event once and uses one transaction per part', async () => {
    let failOnce = true;
    const consumer = await startIdempotentConsumer({
      transport,
      dataSource,
      logger,
      groupId: 'split',
      topics: ['partybuild.split'],
      splitByKey: { topics: ['partybuild.split'], ways: 2 },
      handlers: {
        'split.counted': {
          versions: [1, 2],
          handle: async (event, manager) => {
            const n = (event.data as { n: number }).n;
            const [{ next }] = await manager.query(`SELECT count(*)::int AS next FROM seen WHERE aggregate = $1`, [event.subject]);
            if (next !== n) throw new Error(`event ${n} of ${event.subject} arrived after ${next - 1}`);
            await manager.query(`INSERT INTO seen VALUES ($1, $2, txid_current())`, [event.subject, n]);
          },
        },
      },
      // The first part to finish fails once after applying its events: its transaction is undone and
      // the whole batch delivered again, where the other part's events are duplicates.
      withinBatch: async () => {
        if (failOnce) {
          failOnce = false;
          throw new Error('lost connection');
        }
      },
    });
    try {
      await eventually(async () => (consumer.stats.applied >= 600 ? true : undefined), 20_000, 'every event applied');
      const [{ events, keys, transactions }] = await dataSource.query(
        `SELECT count(*)::int AS events, count(DISTINCT aggregate)::int AS keys, count(DISTINCT tx)::int AS transactions FROM seen`,
      );
      expect({ events, keys }).toEqual({ events: 600, keys: 20 });
      expect(transactions).toBe(2);
      expect(consumer.stats).toMatchObject({ applied: 600, parked: 0 });
      expect(consumer.stats.duplicates).toBeGreaterThan(0);
      const [{ perKeyTransactions }] = await dataSource.query(
        `SELECT max(n)::int AS "perKeyTransactions" FROM (SELECT count(DISTINCT tx) AS n FROM seen GROUP BY aggregate) x`,
      );
      expect(perKeyTransactions).toBe(1);
    } finally {
      await consumer.stop();
    }
  });
});
