import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '@partybuild/auth';
import { startEmbeddedPostgres } from '@partybuild/persistence';
import { Stack, StackOptions, startStack } from '../dev/stack';
import { freePort } from '../dev/concurrency';

export interface BenchEnvironment {
  postgres: Awaited<ReturnType<typeof startEmbeddedPostgres>>;
  stack: Stack;
  /** A district administrator's token for the stack's gateway. */
  adminToken: string;
}

/**
 * Runs a benchmark on its own PostgreSQL (in a scratch folder) and a stack on `bench_`
 * databases, then stops both, removes the folder and exits: 0 when `body` finished, 1 with
 * the error's stack when it failed.
 */
export function runBenchmark(stackOptions: Partial<StackOptions>, body: (env: BenchEnvironment) => Promise<void>): void {
  const run = async () => {
    const scratch = mkdtempSync(path.join(os.tmpdir(), 'partybuild-bench-'));
    const postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'postgres'), port: await freePort(), persistent: false });
    try {
      const stack = await startStack({
        urlFor: postgres.urlFor,
        databasePrefix: 'bench_',
        eventTransport: 'embedded',
        logLevel: 'error',
        ...stackOptions,
      });
      try {
        const adminToken = stack.tokenFor({ subject: 'bench', name: 'Benchmark', roles: [Role.DISTRICT_ADMIN], scope: [] });
        await body({ postgres, stack, adminToken });
      } finally {
        // An idle pool client may see PostgreSQL stop before it is released (57P01): not a failure of the benchmark.
        process.on('uncaughtException', (error: Error & { code?: string }) => {
          if (error.code !== '57P01' && !/terminating connection/.test(String(error))) throw error;
        });
        await stack.stop();
      }
    } finally {
      await postgres.stop();
      rmSync(scratch, { recursive: true, force: true });
    }
  };
  run().then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(1);
    },
  );
}
