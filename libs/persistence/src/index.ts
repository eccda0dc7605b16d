export { openDataSource, ensureDatabase } from './data-source';
export type { DataSourceOptions } from './data-source';
export { countQueries, beginQueryCount, QueryCountingLogger } from './query-counter';
export { startEmbeddedPostgres } from './embedded-postgres';
export type { EmbeddedPostgres } from './embedded-postgres';
export { UnitOfWork } from './unit-of-work';
export { runOnce, createOnce, idempotencyMigrations, IdempotencyErrors } from './idempotency';
export type { IdempotencyScope } from './idempotency';
