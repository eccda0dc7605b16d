import { todayIn } from '@partybuild/calendar';
import { RunningService, exposeStats, startService } from '@partybuild/service';
import { StatisticsConfig } from './config';
import { statisticsMigrations } from './migrations';
import { buildStatisticsSchema } from './graphql/schema';
import { StatisticsContext, figureLoaders, nodeLoader } from './graphql/context';
import { startStatisticsConsumer } from './projections/statistics-consumer';
import { FiguresCache } from './figures/figures-cache';

/** Starts the statistics subgraph and its consumer of every service's events. */
export function startStatisticsService(config: StatisticsConfig, today = () => todayIn(config.TIME_ZONE)): Promise<RunningService> {
  const cache = new FiguresCache();
  return startService<StatisticsContext>({
    name: 'statistics',
    env: config,
    entities: [],
    migrations: statisticsMigrations,
    buildSchema: buildStatisticsSchema,
    publishesEvents: false,
    startWorkers: async ({ transport, dataSource, logger, metrics }) => {
      const consumer = await startStatisticsConsumer({ transport, dataSource, logger, metrics, groupId: config.STATISTICS_CONSUMER_GROUP });
      // Applied, duplicate and parked events since start: a parked event is counted, never lost.
      exposeStats(metrics, 'partybuild_statistics_events', consumer.stats);
      return [consumer];
    },
    createContext: ({ dataSource }, caller, requestId, log) => ({
      caller,
      requestId,
      log,
      dataSource,
      today,
      minimumCellSize: config.STATISTICS_MIN_CELL_SIZE,
      ...figureLoaders(dataSource, cache, today),
      nodes: nodeLoader(dataSource),
    }),
  });
}
