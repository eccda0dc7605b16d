import { loadConfig, serviceEnv, z } from '@partybuild/config';

export const statisticsEnv = {
  ...serviceEnv,
  PORT: serviceEnv.PORT.default(4106),
  TIME_ZONE: z.string().default('Asia/Shanghai'),
  /** The consumer group; a new name replays every topic from the beginning. */
  STATISTICS_CONSUMER_GROUP: z.string().default('statistics'),
};

export type StatisticsConfig = ReturnType<typeof loadStatisticsConfig>;

export const loadStatisticsConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(statisticsEnv, env);
