import { ConfigError, concern, configTable, defineConfig, subgraphService, z } from './index';

const service = defineConfig(...subgraphService(4101));
const valid = {
  DATABASE_URL: 'postgres://u:p@db:5432/organization',
  EVENTS_DATABASE_URL: 'postgres://u:p@db:5432/events',
  GATEWAY_SIGNING_SECRET: 'x'.repeat(32),
};

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('a configuration composed of concerns', () => {
  it('loads defaults and coerces numbers', () => {
    const config = service.load(valid);
    expect(config).toMatchObject({
      PORT: 4101,
      HOST: '127.0.0.1',
      EVENT_TRANSPORT: 'embedded',
      TIME_ZONE: 'Asia/Shanghai',
      NODE_ENV: 'development',
    });
    expect(service.load({ ...valid, PORT: '5000' }).PORT).toBe(5000);
  });

  it('refuses kafka without brokers at load, naming the variable', () => {
    expect(problemsOf(() => service.load({ ...valid, EVENT_TRANSPORT: 'kafka' }))).toEqual([
      'KAFKA_BROKERS: required when EVENT_TRANSPORT=kafka',
    ]);
    expect(service.load({ ...valid, EVENT_TRANSPORT: 'kafka', KAFKA_BROKERS: 'k:9092' }).KAFKA_BROKERS).toBe('k:9092');
  });

  it('refuses the embedded log without its database, and more in-sync replicas than replicas', () => {
    const { EVENTS_DATABASE_URL: _unused, ...withoutLog } = valid;
    expect(problemsOf(() => service.load(withoutLog))).toEqual(['EVENTS_DATABASE_URL: required when EVENT_TRANSPORT=embedded']);
    expect(problemsOf(() => service.load({ ...valid, KAFKA_REPLICATION_FACTOR: '3', KAFKA_MIN_INSYNC_REPLICAS: '4' }))).toEqual([
      'KAFKA_MIN_INSYNC_REPLICAS: may not exceed KAFKA_REPLICATION_FACTOR (default 1)',
    ]);
  });

  it('names every bad variable of a schema at once', () => {
    const problems = problemsOf(() =>
      service.load({ ...valid, DATABASE_URL: 'nowhere', GATEWAY_SIGNING_SECRET: 'short', TIME_ZONE: 'Mars/Olympus' }),
    );
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'GATEWAY_SIGNING_SECRET', 'TIME_ZONE']);
    const withRule = problemsOf(() => service.load({ ...valid, GATEWAY_SIGNING_SECRET: 'short', EVENT_TRANSPORT: 'kafka' }));
    expect(withRule).toEqual([
      'GATEWAY_SIGNING_SECRET: must be at least 32 characters',
      'KAFKA_BROKERS: required when EVENT_TRANSPORT=kafka',
    ]);
  });

  it('lets a later concern replace a variable, and documents defaults, requirements and conditions', () => {
    const own = defineConfig(...subgraphService(4101), concern({ PORT: z.coerce.number().default(9).describe('another port') }));
    expect(own.load(valid).PORT).toBe(9);
    const table = configTable(own);
    expect(table).toContain('| `PORT` | 9 | another port |');
    expect(table).toContain('| `DATABASE_URL` | — (required) |');
    expect(table).toContain('| `KAFKA_BROKERS` | — (required when EVENT_TRANSPORT=kafka) |');
    expect(table).toContain('| `TIME_ZONE` | `Asia/Shanghai` |');
  });
});
