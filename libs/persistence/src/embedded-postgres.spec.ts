import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgres, EmbeddedPostgresError, startEmbeddedPostgres } from './embedded-postgres';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'embedded-pg-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function setting(postgres: EmbeddedPostgres, name: string): Promise<string> {
  const client = new Client({ connectionString: postgres.urlFor('postgres') });
  await client.connect();
  try {
    return (await client.query(`SELECT current_setting($1) AS value`, [name])).rows[0].value;
  } finally {
    await client.end();
  }
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('embedded PostgreSQL', () => {
  jest.setTimeout(60_000);

  it('is durable by default (fsync on) and fast only when thrown away', async () => {
    const kept = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'kept'), port: await freePort() });
    try {
      expect(await setting(kept, 'fsync')).toBe('on');
      expect(await setting(kept, 'full_page_writes')).toBe('on');
    } finally {
      await kept.stop();
    }
    const throwaway = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'throwaway'), port: await freePort(), persistent: false });
    try {
      expect(await setting(throwaway, 'fsync')).toBe('off');
    } finally {
      await throwaway.stop();
    }
  });

  it("says why it cannot start, with PostgreSQL's own log lines (port taken, data directory in use)", async () => {
    const port = await freePort();
    const squatter: Server = await new Promise((resolve) => {
      const server = createServer().listen(port, '127.0.0.1', () => resolve(server));
    });
    try {
      const failure = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'busy-port'), port }).catch((error) => error);
      expect(failure).toBeInstanceOf(EmbeddedPostgresError);
      expect(failure.message).toContain(`port ${port}`);
      expect(failure.message).toMatch(/could not bind .*Address already in use/);
    } finally {
      squatter.close();
    }

    const first = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'shared'), port: await freePort() });
    try {
      const failure = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'shared'), port: await freePort() }).catch((e) => e);
      expect(failure.message).toMatch(/lock file "postmaster.pid" already exists/);
    } finally {
      await first.stop();
    }
  });

  it('leaves the shutdown to its owner: SIGINT does not stop the database before the owner is done', async () => {
    const child = spawn(
      process.execPath,
      ['tools/run.js', 'libs/persistence/test/postgres-process.ts', path.join(scratch, 'owned'), String(await freePort())],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const lines: string[] = [];
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const seen = (prefix: string) =>
      new Promise<string>((resolve, reject) => {
        const check = () => {
          const line = lines.find((l) => l.startsWith(prefix));
          if (line) resolve(line);
        };
        child.stdout!.on('data', (chunk: Buffer) => {
          lines.push(...chunk.toString().split('\n').filter(Boolean));
          check();
        });
        child.once('exit', () => setTimeout(() => reject(new Error(`exited without "${prefix}": ${lines.join(' | ')}`)), 50));
        check();
      });
    const pid = Number((await seen('ready')).split(' ')[1]);
    expect(alive(pid)).toBe(true);
    child.kill('SIGINT');
    // Half-way through the owner's slow step, the database still runs.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(alive(pid)).toBe(true);
    expect(await exited).toBe(0);
    expect(lines).toEqual([`ready ${pid}`, 'work done', 'stopped']);
    expect(alive(pid)).toBe(false);
  });
});
