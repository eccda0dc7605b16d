import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const secret = z.string().min(32, 'must be at least 32 characters');

/** Variables every subgraph service reads. */
export const serviceEnv = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: port,
  DATABASE_URL: z.string().url(),
  /** `embedded` stores the event log in PostgreSQL (zero setup); `kafka` uses KAFKA_BROKERS. */
  EVENT_TRANSPORT: z.enum(['embedded', 'kafka']).default('embedded'),
  KAFKA_BROKERS: z.string().optional(),
  EVENTS_DATABASE_URL: z.string().url().optional(),
  /** Shared with the gateway: subgraphs accept only requests whose caller header it signed. */
  GATEWAY_SIGNING_SECRET: secret,
};

export const envSchemas = { port, secret };
