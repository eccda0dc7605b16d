/**
 * Rebuilds the statistics from the topics, from the beginning, into a new database, shows
 * progress, then compares every organisation's figures with the live statistics.
 *   node tools/run.js tools/statistics/rebuild-cli.ts [--period 2026] [--postgres URL] [--prefix partybuild_]
 * With EVENT_TRANSPORT=kafka and KAFKA_BROKERS it reads Kafka; otherwise the embedded log.
 */
import 'reflect-metadata';
import { todayIn } from '@partybuild/calendar';
import { createTransport } from '@partybuild/events';
import { createLogger } from '@partybuild/logging';
import { openDataSource } from '@partybuild/persistence';
import { parsePeriod } from '@partybuild/calendar';
import { computeFigures, statisticsMigrations } from '@partybuild/app-statistics';
import { databaseArgs } from './local-databases';
import { countEvents } from './count-events';
import { STATISTICS_TOPICS, rebuildStatistics } from './rebuild';

async function main() {
  const { urlFor, period } = databaseArgs();
  const logger = createLogger('statistics-rebuild', 'warn');
  const kafka = process.env.EVENT_TRANSPORT === 'kafka';
  const eventsUrl = urlFor('events');
  const transport = createTransport(
    { EVENT_TRANSPORT: kafka ? 'kafka' : 'embedded', KAFKA_BROKERS: process.env.KAFKA_BROKERS, EVENTS_DATABASE_URL: eventsUrl },
    'statistics-rebuild',
    logger,
  );
  const target = await countEvents(
    STATISTICS_TOPICS,
    kafka ? { kind: 'kafka', brokers: (process.env.KAFKA_BROKERS ?? '').split(',') } : { kind: 'embedded', eventsUrl },
  );
  const rebuiltUrl = urlFor(`statistics_rebuild_${Date.now()}`);
  console.log(`replaying ${target} events into ${new URL(rebuiltUrl).pathname.slice(1)}`);
  const result = await rebuildStatistics({
    databaseUrl: rebuiltUrl,
    transport,
    logger,
    target,
    onProgress: (seen, total, rate) => process.stdout.write(`\r  ${seen}/${total} events (${Math.round(rate)}/s)   `),
  });
  console.log(
    `\nrebuilt from ${result.events} events in ${result.seconds.toFixed(1)} s: ${Math.round(result.events / result.seconds)} events/s`,
  );

  const live = await openDataSource({ url: urlFor('statistics'), entities: [], migrations: statisticsMigrations });
  const ids: string[] = (await live.query(`SELECT id FROM org_node WHERE status = 'ACTIVE'`)).map((r: { id: string }) => r.id);
  const today = todayIn(process.env.TIME_ZONE ?? 'Asia/Shanghai');
  const [before, after] = await Promise.all([
    computeFigures(live.manager, ids, parsePeriod(period), today),
    computeFigures(result.dataSource.manager, ids, parsePeriod(period), today),
  ]);
  const differing = ids.filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id)));
  console.log(
    differing.length === 0
      ? `the rebuilt figures of all ${ids.length} organisations are identical to the live ones`
      : `${differing.length} organisation(s) differ: ${differing.join(', ')}`,
  );
  console.log(`to serve the rebuilt figures: DATABASE_URL=${rebuiltUrl} STATISTICS_CONSUMER_GROUP=${result.groupId}`);
  await Promise.all([live.destroy(), result.dataSource.destroy(), transport.close()]);
  return differing.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
