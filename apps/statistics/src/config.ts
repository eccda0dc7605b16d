import { loadConfig, serviceEnv, z } from '@partybuild/config';
import { STATISTICS_RULES } from './reference/statistics-rules';

export const statisticsEnv = {
  ...serviceEnv,
  PORT: serviceEnv.PORT.default(4106),
  TIME_ZONE: z.string().default('Asia/Shanghai'),
  /** The consumer group; a new name replays every topic from the beginning. */
  STATISTICS_CONSUMER_GROUP: z.string().default('statistics'),
  /** Smallest breakdown cell shown to analysts and others who may not see people (1 shows every cell). */
  STATISTICS_MIN_CELL_SIZE: z.coerce.number().int().min(1).max(100).default(STATISTICS_RULES.minimumCellSize),
};

export type StatisticsConfig = ReturnType<typeof loadStatisticsConfig>;

export const loadStatisticsConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(statisticsEnv, env);
