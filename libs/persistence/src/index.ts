export { openDataSource, ensureDatabase } from './data-source';
export type { DataSourceOptions } from './data-source';
export { countQueries, beginQueryCount, QueryCountingLogger } from './query-counter';
export { startEmbeddedPostgres } from './embedded-postgres';
export { EmbeddedPostgresError } from './embedded-postgres';
export type { EmbeddedPostgres, EmbeddedPostgresOptions } from './embedded-postgres';
export { UnitOfWork } from './unit-of-work';
export { runOnce, idempotencyMigrations, IdempotencyErrors } from './idempotency';
export type { IdempotencyScope } from './idempotency';
