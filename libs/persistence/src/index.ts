export { openDataSource, ensureDatabase } from './data-source';
export type { DataSourceOptions } from './data-source';
export { countQueries, beginQueryCount, QueryCountingLogger } from './query-counter';
