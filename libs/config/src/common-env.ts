import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);
const secret = z.string().min(32, 'must be at least 32 characters');

/** Variables every subgraph service reads. */
export const serviceEnv = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: port,
  /** The address to listen on: 127.0.0.1 on a workstation, 0.0.0.0 in a container. */
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().url(),
  /** `embedded` stores the event log in PostgreSQL (zero setup); `kafka` uses KAFKA_BROKERS. */
  EVENT_TRANSPORT: z.enum(['embedded', 'kafka']).default('embedded'),
  KAFKA_BROKERS: z.string().optional(),
  EVENTS_DATABASE_URL: z.string().url().optional(),
  /** Topics the system creates (never the broker by itself); production: replication 3, min in-sync 2. */
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().positive().optional(),
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().positive().optional(),
  KAFKA_MIN_INSYNC_REPLICAS: z.coerce.number().int().positive().optional(),
  /** Shared with the gateway: subgraphs accept only requests whose caller header it signed. */
  GATEWAY_SIGNING_SECRET: secret,
};

/** The listen address, for deployables that do not take every service variable (the gateway). */
const host = z.string().min(1).default('127.0.0.1');

export const envSchemas = { port, secret, host };
