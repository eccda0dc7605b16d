import { todayIn } from '@partybuild/calendar';
import { RunningService, startService } from '@partybuild/service';
import { StatisticsConfig } from './config';
import { statisticsMigrations } from './migrations';
import { buildStatisticsSchema } from './graphql/schema';
import { StatisticsContext, figureLoaders, nodeLoader } from './graphql/context';
import { startStatisticsConsumer } from './projections/statistics-consumer';

/** Starts the statistics subgraph and its consumer of every service's events. */
export function startStatisticsService(config: StatisticsConfig, today = () => todayIn(config.TIME_ZONE)): Promise<RunningService> {
  return startService<StatisticsContext>({
    name: 'statistics',
    env: config,
    entities: [],
    migrations: statisticsMigrations,
    buildSchema: buildStatisticsSchema,
    publishesEvents: false,
    startWorkers: async ({ transport, dataSource, logger, metrics }) => [
      await startStatisticsConsumer({ transport, dataSource, logger, metrics, groupId: config.STATISTICS_CONSUMER_GROUP }),
    ],
    createContext: ({ dataSource }, caller, requestId) => ({
      caller,
      requestId,
      dataSource,
      today,
      figures: figureLoaders(dataSource, today),
      nodes: nodeLoader(dataSource),
    }),
  });
}
