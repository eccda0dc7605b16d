/**
 * Prepares a release before its services roll out (the Kubernetes Job `partybuild-prepare`, the
 * compose service `prepare`): runs every service's database migrations, then creates the Kafka
 * topics the services publish to, with the history kept forever. Running it again changes nothing.
 *
 *   <SERVICE>_DATABASE_URL  per service (ORGANIZATION_DATABASE_URL, …): its database
 *   KAFKA_BROKERS           host:port,…  (absent: topics are not created, e.g. on the embedded transport)
 *   KAFKA_TOPIC_PARTITIONS, KAFKA_REPLICATION_FACTOR, KAFKA_MIN_INSYNC_REPLICAS
 */
import 'reflect-metadata';
import { concern, defineConfig } from '@partybuild/config';
import { eventTopics } from '@partybuild/contracts';
import { SERVICE_MIGRATIONS, createTopics, migrate, prepareEnv } from './prepare';

async function main(): Promise<void> {
  const config = defineConfig(concern(prepareEnv)).load();
  for (const [service, migrations] of Object.entries(SERVICE_MIGRATIONS)) {
    const url = config[`${service.toUpperCase()}_DATABASE_URL` as keyof typeof config] as string;
    const applied = await migrate(url, migrations);
    process.stdout.write(`${service}: ${applied.length} migrations in place\n`);
  }
  if (!config.KAFKA_BROKERS) {
    process.stdout.write('KAFKA_BROKERS not set: no topics created\n');
    return;
  }
  const created = await createTopics(config.KAFKA_BROKERS.split(','), Object.keys(eventTopics.topics), {
    partitions: config.KAFKA_TOPIC_PARTITIONS,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    minInsyncReplicas: config.KAFKA_MIN_INSYNC_REPLICAS,
  });
  process.stdout.write(`topics created: ${created.length ? created.join(', ') : 'none (all exist)'}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`preparing the release failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
