import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { outboxBacklog, outboxMigrations } from '@partybuild/events';
import { ensureDatabase, openDataSource, startEmbeddedPostgres } from '@partybuild/persistence';
import { freePort } from '../dev/concurrency';
import { percentiles, timeCalls } from './measure';

/**
 * What the outbox gauges cost each Prometheus scrape (`outboxBacklog`, one query through the
 * partial index of pending rows), against a plain count over the table as the peer, with a
 * million published events kept and a growing backlog. On its own PostgreSQL, or
 * `--postgres postgres://…/postgres`.
 */
async function main() {
  const given = process.argv.indexOf('--postgres');
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'partybuild-bench-'));
  const postgres =
    given > 0 ? null : await startEmbeddedPostgres({ dataDir: path.join(scratch, 'postgres'), port: await freePort(), persistent: false });
  const url = postgres ? postgres.urlFor('bench_outbox') : process.argv[given + 1].replace(/\/[^/]*$/, `/bench_outbox_${process.pid}`);
  await ensureDatabase(url);
  const dataSource = await openDataSource({ url, entities: [], migrations: outboxMigrations });
  try {
    const insert = (count: number, published: boolean) =>
      dataSource.query(
        `INSERT INTO outbox (event_id, topic, message_key, envelope, created_at, published_at)
         SELECT gen_random_uuid(), 'partybuild.organization', 'k' || i, '{"type":"organization.created"}'::jsonb,
                now() - interval '1 hour', ${published ? 'now()' : 'NULL'}
         FROM generate_series(1, $1) AS i`,
        [count],
      );
    await insert(1_000_000, true);
    await dataSource.query('VACUUM ANALYZE outbox');
    let pending = 0;
    for (const backlog of [0, 1_000, 100_000]) {
      if (backlog > pending) await insert(backlog - pending, false);
      pending = backlog;
      await dataSource.query('ANALYZE outbox');
      const gauges = percentiles(await timeCalls(50, () => outboxBacklog(dataSource)));
      const peer = percentiles(await timeCalls(10, () => dataSource.query('SELECT count(*) FROM outbox WHERE published_at IS NULL')));
      const figures = await outboxBacklog(dataSource);
      process.stdout.write(
        `backlog ${String(figures.events).padStart(7)} of 1 000 000 published: outbox gauges p50 ${gauges.p50.toFixed(2)} ms p95 ${gauges.p95.toFixed(2)} ms` +
          ` | peer count over the table p50 ${peer.p50.toFixed(2)} ms  (load ${os.loadavg()[0].toFixed(1)})\n`,
      );
    }
  } finally {
    await dataSource.destroy();
    await postgres?.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
