import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { EventTransport } from '@partybuild/events';
import type { Logger } from '@partybuild/logging';
import { ensureDatabase, openDataSource } from '@partybuild/persistence';
import { STATISTICS_TOPICS, startStatisticsConsumer, statisticsMigrations } from '@partybuild/app-statistics';

export interface RebuildResult {
  dataSource: DataSource;
  groupId: string;
  events: number;
  seconds: number;
}

/**
 * Replays every topic from the beginning into a new statistics database under a new consumer
 * group, until it has seen `target` events, reporting progress as it goes.
 */
export async function rebuildStatistics(options: {
  databaseUrl: string;
  transport: EventTransport;
  logger: Logger;
  target: number;
  onProgress?: (seen: number, target: number, perSecond: number) => void;
}): Promise<RebuildResult> {
  await ensureDatabase(options.databaseUrl);
  const dataSource = await openDataSource({ url: options.databaseUrl, entities: [], migrations: statisticsMigrations });
  const groupId = `statistics-rebuild-${randomBytes(4).toString('hex')}`;
  const started = Date.now();
  let seen = 0;
  let resolveDone!: () => void;
  const done = new Promise<void>((resolve) => (resolveDone = resolve));
  const consumer = await startStatisticsConsumer({
    transport: options.transport,
    dataSource,
    logger: options.logger,
    groupId,
    onApplied: () => undefined,
  });
  const timer = setInterval(() => {
    seen = consumer.stats.applied + consumer.stats.duplicates + consumer.stats.parked;
    const seconds = (Date.now() - started) / 1000;
    options.onProgress?.(seen, options.target, seen / Math.max(seconds, 0.001));
    if (seen >= options.target) resolveDone();
  }, 25);
  if (options.target === 0) resolveDone();
  await done;
  // The time to apply every event; stopping the consumer afterwards is not part of the rebuild.
  const seconds = (Date.now() - started) / 1000;
  clearInterval(timer);
  await consumer.stop();
  return { dataSource, groupId, events: seen, seconds };
}

export { STATISTICS_TOPICS };
