import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { freshDatabase, testKafkaBrokers } from '@partybuild/testing';
import { SERVICE_MIGRATIONS, createTopics, migrate } from './prepare';

/** A table each service's migrations create. */
const OWN_TABLE: Record<string, string> = {
  organization: 'organization',
  membership: 'member',
  activity: 'activity',
  assessment: 'round',
  pairing: 'org_pair',
  statistics: 'processed_event',
};

describe('preparing a release', () => {
  it("runs every service's migrations once: a second run finds nothing to do", async () => {
    for (const [service, migrations] of Object.entries(SERVICE_MIGRATIONS)) {
      const url = await freshDatabase();
      const first = await migrate(url, migrations);
      expect({ service, applied: first.length }).toEqual({ service, applied: (migrations as unknown[]).length });
      expect(await migrate(url, migrations)).toEqual(first);
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT to_regclass($1) AS found`, [OWN_TABLE[service]]);
        expect({ service, table: rows[0].found }).toEqual({ service, table: OWN_TABLE[service] });
      } finally {
        await client.end();
      }
    }
  });

  it('creates the missing topics with their history kept forever, and leaves existing ones alone', async () => {
    const brokers = testKafkaBrokers().split(',');
    const topics = [`prepare-test-${randomUUID()}`, `prepare-test-${randomUUID()}`];
    const settings = { partitions: 3, replicationFactor: 1, minInsyncReplicas: 1 };
    expect((await createTopics(brokers, topics, settings)).sort()).toEqual([...topics].sort());
    expect(await createTopics(brokers, topics, settings)).toEqual([]);

    const admin = new Kafka({ clientId: 'prepare-spec', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      const [metadata] = (await admin.fetchTopicMetadata({ topics: [topics[0]] })).topics;
      expect(metadata.partitions).toHaveLength(3);
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: [{ type: ConfigResourceTypes.TOPIC, name: topics[0], configNames: ['retention.ms', 'cleanup.policy'] }],
      });
      const config = Object.fromEntries(resources[0].configEntries.map((e) => [e.configName, e.configValue]));
      expect(config).toEqual({ 'retention.ms': '-1', 'cleanup.policy': 'delete' });
      await admin.deleteTopics({ topics });
    } finally {
      await admin.disconnect();
    }
  });
});
