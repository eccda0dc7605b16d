import { z } from 'zod';
import { concern } from '../define-config';

const count = z.coerce.number().int().positive();

/**
 * How the platform creates its topics (never the broker by itself): also read by `npm run topics`.
 * Production: replication 3, min. in-sync 2.
 */
export const kafkaTopics = concern(
  {
    KAFKA_TOPIC_PARTITIONS: count.optional().describe('partitions of each topic the platform creates (default 3)'),
    KAFKA_REPLICATION_FACTOR: count.optional().describe('replicas of each topic (default 1; production: 3)'),
    KAFKA_MIN_INSYNC_REPLICAS: count.optional().describe('`min.insync.replicas` of each topic (production: 2)'),
  },
  [
    {
      variable: 'KAFKA_MIN_INSYNC_REPLICAS',
      condition: 'may not exceed KAFKA_REPLICATION_FACTOR (default 1)',
      holds: (v) => v.KAFKA_MIN_INSYNC_REPLICAS === undefined || v.KAFKA_MIN_INSYNC_REPLICAS <= (v.KAFKA_REPLICATION_FACTOR ?? 1),
    },
  ],
);

/**
 * Where events go: the embedded log in PostgreSQL (zero set-up) or Kafka. What each choice needs
 * is checked at load, so a missing broker list stops the service before its migrations run.
 */
export const eventTransport = concern(
  {
    EVENT_TRANSPORT: z.enum(['embedded', 'kafka']).default('embedded').describe('`embedded` (event log in PostgreSQL) or `kafka`'),
    KAFKA_BROKERS: z.string().min(1).optional().describe('`host:9092,host2:9092`'),
    EVENTS_DATABASE_URL: z.string().url().optional().describe('the shared event-log database'),
    ...kafkaTopics.variables,
  },
  [
    {
      variable: 'KAFKA_BROKERS',
      condition: 'required when EVENT_TRANSPORT=kafka',
      holds: (v) => v.EVENT_TRANSPORT !== 'kafka' || Boolean(v.KAFKA_BROKERS),
    },
    {
      variable: 'EVENTS_DATABASE_URL',
      condition: 'required when EVENT_TRANSPORT=embedded',
      holds: (v) => v.EVENT_TRANSPORT !== 'embedded' || Boolean(v.EVENTS_DATABASE_URL),
    },
    ...kafkaTopics.rules,
  ],
);
