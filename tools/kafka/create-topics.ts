/**
 * `npm run topics`: creates the platform's topics on KAFKA_BROKERS with their settings —
 * events kept forever (retention.ms=-1, cleanup.policy=delete), KAFKA_TOPIC_PARTITIONS
 * partitions (default 3), KAFKA_REPLICATION_FACTOR replicas (default 1) and, when set,
 * KAFKA_MIN_INSYNC_REPLICAS — and brings the retention of existing ones in line. For a
 * deployment's set-up job; the services also create what is missing when they start.
 * Prints each topic with the settings the broker reports.
 */
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { eventTopics } from '@partybuild/contracts';
import { ensureTopics, topicSettingsOf } from '@partybuild/events';
import { concern, defineConfig, kafkaTopics, z } from '@partybuild/config';

async function main(): Promise<void> {
  const env = defineConfig(
    concern({ KAFKA_BROKERS: z.string().min(1, 'is required (host:9092,host2:9092)') }),
    kafkaTopics,
  ).load();
  const topics = Object.keys((eventTopics as { topics: Record<string, unknown> }).topics);
  const settings = topicSettingsOf({ EVENT_TRANSPORT: 'kafka', ...env });
  const admin = new Kafka({ clientId: 'partybuild-topics', brokers: env.KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const created = await ensureTopics(admin, topics, settings);
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: topics.map((name) => ({
        type: ConfigResourceTypes.TOPIC,
        name,
        configNames: ['retention.ms', 'cleanup.policy', 'min.insync.replicas'],
      })),
    });
    const metadata = await admin.fetchTopicMetadata({ topics });
    for (const r of resources) {
      const partitions = metadata.topics.find((t) => t.name === r.resourceName)?.partitions ?? [];
      const config = r.configEntries.map((e) => `${e.configName}=${e.configValue}`).join(' ');
      process.stdout.write(
        `${created.includes(r.resourceName) ? 'created ' : 'kept    '} ${r.resourceName}  partitions=${partitions.length} replicas=${partitions[0]?.replicas.length ?? 0} ${config}\n`,
      );
    }
  } finally {
    await admin.disconnect();
  }
}

main().catch((error) => {
  process.stderr.write(`topics: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
