// What tools (launcher, composition, reconciliation, rebuild, benchmarks) may use of this deployable.
export { startStatisticsService } from './statistics-service';
export { statisticsConfig, loadStatisticsConfig } from './config';
export type { StatisticsConfig } from './config';
export { buildStatisticsSchema } from './graphql/schema';
export { statisticsMigrations } from './migrations';
export { startStatisticsConsumer, STATISTICS_TOPICS } from './projections/statistics-consumer';
export { computeFigures } from './figures/compute-figures';
export { parsePeriod } from '@partybuild/calendar';
export type { Figures } from './figures/figures';
export { scoreBracketsFor } from './reference/statistics-rules';
