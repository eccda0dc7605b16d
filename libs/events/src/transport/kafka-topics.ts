import { Admin, ConfigResourceTypes, ITopicConfig } from 'kafkajs';

/** How the system creates its topics; production sets replication 3 and min.insync.replicas 2. */
export interface TopicSettings {
  partitions: number;
  replicationFactor: number;
  /** With `acks=all`, a write is acknowledged only once this many replicas have it. */
  minInsyncReplicas?: number;
}

export const DEFAULT_TOPIC_SETTINGS: TopicSettings = { partitions: 3, replicationFactor: 1 };

/**
 * Every projection and the rebuild replay a topic from its beginning, so events are kept
 * forever: no time or size limit, and no compaction (every event counts, not only the last
 * per key).
 */
export function topicConfig(settings: TopicSettings): Record<string, string> {
  return {
    'retention.ms': '-1',
    'retention.bytes': '-1',
    'cleanup.policy': 'delete',
    ...(settings.minInsyncReplicas ? { 'min.insync.replicas': String(settings.minInsyncReplicas) } : {}),
  };
}

/**
 * Creates the missing topics with the system's settings, and brings the retention settings
 * of existing ones (e.g. made by an older version with the broker's seven-day default) in
 * line. Partitions of an existing topic are left alone: adding some would move keys.
 * Returns the topics created.
 */
export async function ensureTopics(admin: Admin, topics: string[], settings: TopicSettings): Promise<string[]> {
  const wanted = topicConfig(settings);
  const existing = new Set(await admin.listTopics());
  const missing = [...new Set(topics)].filter((t) => !existing.has(t));
  if (missing.length) {
    const spec = (topic: string): ITopicConfig => ({
      topic,
      numPartitions: settings.partitions,
      replicationFactor: settings.replicationFactor,
      configEntries: Object.entries(wanted).map(([name, value]) => ({ name, value })),
    });
    try {
      await admin.createTopics({ topics: missing.map(spec), waitForLeaders: true });
    } catch (error) {
      // Another instance created it meanwhile: that is the outcome we wanted.
      if (!/already exists/i.test((error as Error).message)) throw error;
    }
  }
  const present = topics.filter((t) => existing.has(t));
  if (present.length) await alignConfigs(admin, present, wanted);
  return missing;
}

async function alignConfigs(admin: Admin, topics: string[], wanted: Record<string, string>): Promise<void> {
  const described = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: Object.keys(wanted) })),
  });
  const stale = described.resources.filter((r) =>
    Object.entries(wanted).some(([name, value]) => r.configEntries.find((e) => e.configName === name)?.configValue !== value),
  );
  if (stale.length === 0) return;
  await admin.alterConfigs({
    validateOnly: false,
    resources: stale.map((r) => ({
      type: ConfigResourceTypes.TOPIC,
      name: r.resourceName,
      configEntries: Object.entries(wanted).map(([name, value]) => ({ name, value })),
    })),
  });
}
