import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The test runner starts one real PostgreSQL and passes its admin URL in TEST_POSTGRES_URL;
 * each test file asks for fresh databases so files never see each other's rows.
 */
export function testPostgresUrl(): string {
  const url = process.env.TEST_POSTGRES_URL;
  if (!url) throw new Error('TEST_POSTGRES_URL is not set: run the tests with "npm test", which starts PostgreSQL');
  return url;
}

/** A URL for database `name` on the test server. */
export function urlFor(name: string): string {
  const url = new URL(testPostgresUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** A unique prefix for the databases of one test file (`t_ab12cd_`). */
export const uniquePrefix = (): string => `t_${randomBytes(4).toString('hex')}_`;

/** Creates an empty database and returns its URL. */
export async function freshDatabase(prefix = uniquePrefix(), name = 'db'): Promise<string> {
  const client = new Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${prefix}${name}"`);
  } finally {
    await client.end();
  }
  return urlFor(`${prefix}${name}`);
}

/** Kafka brokers of the test run (a real broker started by the runner). */
export function testKafkaBrokers(): string {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error('KAFKA_BROKERS is not set: run the tests with "npm test", which starts a Kafka broker');
  return brokers;
}

/** Polls until `check` returns a value that is not undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 15_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}
