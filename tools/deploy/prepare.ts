/** What a release needs before its services roll out: migrations run, topics created (see prepare-deployment.ts). */
import 'reflect-metadata';
import { Kafka, logLevel } from 'kafkajs';
import type { MixedList } from 'typeorm';
import { z } from '@partybuild/config';
import { openDataSource } from '@partybuild/persistence';
import { organizationMigrations } from '@partybuild/app-organization';
import { membershipMigrations } from '@partybuild/app-membership';
import { activityMigrations } from '@partybuild/app-activity';
import { assessmentMigrations } from '@partybuild/app-assessment';
import { pairingMigrations } from '@partybuild/app-pairing';
import { statisticsMigrations } from '@partybuild/app-statistics';

/** Each service's migrations, in the order the services start. */
export const SERVICE_MIGRATIONS: Record<string, MixedList<Function>> = {
  organization: organizationMigrations,
  membership: membershipMigrations,
  activity: activityMigrations,
  assessment: assessmentMigrations,
  pairing: pairingMigrations,
  statistics: statisticsMigrations,
};

const count = z.coerce.number().int().positive();
export const prepareEnv = {
  ORGANIZATION_DATABASE_URL: z.string().url(),
  MEMBERSHIP_DATABASE_URL: z.string().url(),
  ACTIVITY_DATABASE_URL: z.string().url(),
  ASSESSMENT_DATABASE_URL: z.string().url(),
  PAIRING_DATABASE_URL: z.string().url(),
  STATISTICS_DATABASE_URL: z.string().url(),
  KAFKA_BROKERS: z.string().optional(),
  KAFKA_TOPIC_PARTITIONS: count.default(6),
  KAFKA_REPLICATION_FACTOR: count.default(1),
  KAFKA_MIN_INSYNC_REPLICAS: count.default(1),
};

/** Runs a service's migrations on its database; returns the names of those that ran now. */
export async function migrate(url: string, migrations: MixedList<Function>): Promise<string[]> {
  const dataSource = await openDataSource({ url, entities: [], migrations, poolSize: 1 });
  try {
    const [{ names }] = await dataSource.query(`SELECT coalesce(array_agg(name ORDER BY id), '{}') AS names FROM migrations`);
    return names;
  } finally {
    await dataSource.destroy();
  }
}

export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
  minInsyncReplicas: number;
}

/**
 * Creates the topics that do not exist yet: events are kept forever (every projection and the
 * statistics rebuild replay from the beginning), deleted never by compaction. Returns those created.
 */
export async function createTopics(brokers: string[], topics: string[], settings: TopicSettings): Promise<string[]> {
  const admin = new Kafka({ clientId: 'partybuild-prepare', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((t) => !existing.has(t));
    if (missing.length) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: settings.partitions,
          replicationFactor: settings.replicationFactor,
          configEntries: [
            { name: 'retention.ms', value: '-1' },
            { name: 'retention.bytes', value: '-1' },
            { name: 'cleanup.policy', value: 'delete' },
            { name: 'min.insync.replicas', value: String(settings.minInsyncReplicas) },
          ],
        })),
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
