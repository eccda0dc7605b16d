import { ConfigOf, concern, defineConfig, subgraphService, z } from '@partybuild/config';
import { STATISTICS_RULES } from './reference/statistics-rules';

const statistics = concern({
  STATISTICS_CONSUMER_GROUP: z
    .string()
    .min(1)
    .default('statistics')
    .describe('its consumer group; a new name replays every topic from the beginning'),
  STATISTICS_MIN_CELL_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(100)
    .default(STATISTICS_RULES.minimumCellSize)
    .describe('smallest breakdown cell of people shown to analysts and others who may not see people (1 shows every cell)'),
});

export const statisticsConfig = defineConfig(...subgraphService(4106), statistics);

export type StatisticsConfig = ConfigOf<typeof statisticsConfig>;

export const loadStatisticsConfig = (env: NodeJS.ProcessEnv = process.env) => statisticsConfig.load(env);
