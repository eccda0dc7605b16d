import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { testKafkaBrokers } from '@partybuild/testing';
import { KafkaTransport, CLOUDEVENTS_CONTENT_TYPE } from './kafka-transport';
import { ensureTopics } from './kafka-topics';
import { Inbox, logger, uniqueName } from '../../test/support';

const brokers = () => testKafkaBrokers().split(',');

describe('Kafka topics made by the system', () => {
  jest.setTimeout(60_000);
  const kafka = new Kafka({ clientId: uniqueName('topics-spec'), brokers: brokers(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  beforeAll(() => admin.connect());
  afterAll(() => admin.disconnect());

  const configOf = async (topic: string) => {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['retention.ms', 'retention.bytes', 'cleanup.policy'] }],
    });
    return Object.fromEntries(resources[0].configEntries.map((e) => [e.configName, e.configValue]));
  };

  it('creates a topic on first publish with infinite retention and the configured partitions, and every message says it is a CloudEvent', async () => {
    const topic = uniqueName('partybuild.topics.');
    const transport = new KafkaTransport({
      brokers: brokers(),
      clientId: uniqueName('c'),
      logger,
      topics: { partitions: 2, replicationFactor: 1 },
    });
    try {
      await transport.publish([{ topic, key: 'org-1', value: '{"specversion":"1.0"}' }]);
      expect(await configOf(topic)).toEqual({ 'retention.ms': '-1', 'retention.bytes': '-1', 'cleanup.policy': 'delete' });
      const [metadata] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
      expect(metadata.partitions).toHaveLength(2);

      const consumer = kafka.consumer({ groupId: uniqueName('g') });
      const headers: string[] = [];
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({ eachMessage: async ({ message }) => void headers.push(String(message.headers?.['content-type'])) });
      const deadline = Date.now() + 30_000;
      while (headers.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      await consumer.disconnect();
      expect(headers).toEqual([CLOUDEVENTS_CONTENT_TYPE]);
    } finally {
      await transport.close();
    }
  });

  it('brings a topic made with the broker default (seven days) to infinite retention, and sets min.insync.replicas when asked', async () => {
    const topic = uniqueName('partybuild.legacy.');
    await admin.createTopics({
      topics: [{ topic, configEntries: [{ name: 'retention.ms', value: String(7 * 24 * 3600 * 1000) }] }],
      waitForLeaders: true,
    });
    expect((await configOf(topic))['retention.ms']).toBe(String(7 * 24 * 3600 * 1000));

    expect(await ensureTopics(admin, [topic], { partitions: 3, replicationFactor: 1, minInsyncReplicas: 1 })).toEqual([]);
    expect(await configOf(topic)).toEqual({ 'retention.ms': '-1', 'retention.bytes': '-1', 'cleanup.policy': 'delete' });
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['min.insync.replicas'] }],
    });
    expect(resources[0].configEntries[0]).toMatchObject({ configName: 'min.insync.replicas', configValue: '1', isDefault: false });
  });

  it('does not let a consumer create a topic by subscribing: the system creates it first, with its settings', async () => {
    const topic = uniqueName('partybuild.early.');
    const transport = new KafkaTransport({ brokers: brokers(), clientId: uniqueName('c'), logger });
    const inbox = new Inbox();
    const subscription = await transport.subscribe({
      groupId: uniqueName('g'),
      topics: [topic],
      fromBeginning: true,
      handleBatch: inbox.handleBatch,
    });
    try {
      await transport.publish([{ topic, key: 'a', value: 'one' }]);
      await inbox.waitFor(1, 30_000);
      expect((await configOf(topic))['retention.ms']).toBe('-1');
      expect(transport.degraded()).toEqual([]);
    } finally {
      await subscription.stop();
      await transport.close();
    }
  });
});
