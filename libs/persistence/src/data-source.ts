import { DataSource, MixedList, EntitySchema } from 'typeorm';
import { Client } from 'pg';
import { QueryCountingLogger } from './query-counter';

export interface DataSourceOptions {
  url: string;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  poolSize?: number;
}

/**
 * A PostgreSQL DataSource whose schema changes only through migrations: they run at start-up
 * inside one transaction each, and `synchronize` stays off so an entity edit never alters a
 * production table by itself.
 */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['query'],
    logger: new QueryCountingLogger(),
    extra: { max: options.poolSize ?? 10 },
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  return dataSource;
}

/** Creates the database named in `url` when it does not exist yet (development and tests). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  // A server going away mid-check fails the query below; the event must not end the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
