import { Consumer, Kafka, KafkaJSError, Producer, logLevel } from 'kafkajs';
import type { Logger } from '@partybuild/logging';
import { EventTransport, OutgoingRecord, PublishError, SubscribeOptions, Subscription } from './event-transport';

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
}

/** Kafka through kafkajs: idempotent producer, acks from all replicas, one request in flight. */
export class KafkaTransport implements EventTransport {
  readonly name = 'kafka';
  private readonly kafka: Kafka;
  private producer?: Promise<Producer>;
  private readonly consumers = new Set<Consumer>();

  constructor(options: KafkaTransportOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.NOTHING,
      retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
    });
  }

  async publish(records: OutgoingRecord[]): Promise<void> {
    if (records.length === 0) return;
    const byTopic = new Map<string, { key: string; value: string }[]>();
    for (const r of records) {
      const list = byTopic.get(r.topic) ?? [];
      list.push({ key: r.key, value: r.value });
      byTopic.set(r.topic, list);
    }
    try {
      const producer = await this.connectedProducer();
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    } catch (error) {
      // A lost connection can leave the producer unusable: start over with a fresh one.
      this.resetProducer();
      const retriable = !(error instanceof KafkaJSError) || error.retriable || isConnectionError(error);
      throw new PublishError(`Kafka refused the batch: ${(error as Error).message}`, retriable, error);
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const consumer = this.kafka.consumer({ groupId: options.groupId, retry: { retries: 10 } });
    this.consumers.add(consumer);
    await this.ensureTopics(options.topics);
    await consumer.connect();
    await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? false });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, commitOffsetsIfNecessary, heartbeat }) => {
        const records = batch.messages.map((m) => ({
          topic: batch.topic,
          partition: batch.partition,
          offset: m.offset,
          key: m.key?.toString() ?? '',
          value: m.value?.toString() ?? '',
        }));
        if (records.length === 0) return;
        await options.handleBatch(records);
        resolveOffset(records[records.length - 1].offset);
        await commitOffsetsIfNecessary({
          topics: [
            {
              topic: batch.topic,
              partitions: [{ partition: batch.partition, offset: (BigInt(records[records.length - 1].offset) + 1n).toString() }],
            },
          ],
        });
        await heartbeat();
      },
    });
    return {
      stop: async () => {
        this.consumers.delete(consumer);
        await consumer.disconnect();
      },
    };
  }

  /**
   * A consumer may start before anything was published (statistics before the services):
   * create its topics rather than fail on a topic the broker does not host yet.
   */
  private async ensureTopics(topics: string[]): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = topics.filter((t) => !existing.has(t));
      if (missing.length) await admin.createTopics({ topics: missing.map((topic) => ({ topic })), waitForLeaders: true });
    } finally {
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.disconnect()));
    this.consumers.clear();
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await producer.then((p) => p.disconnect()).catch(() => undefined);
  }

  private connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: true });
      this.producer = producer.connect().then(() => producer);
      this.producer.catch(() => this.resetProducer());
    }
    return this.producer;
  }

  private resetProducer(): void {
    const stale = this.producer;
    this.producer = undefined;
    stale?.then((p) => p.disconnect()).catch(() => undefined);
  }
}

const connectionErrors = [
  'KafkaJSConnectionError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSLockTimeout',
];

/** kafkajs can wrap a lost connection in a KafkaJSNonRetriableError: look through the causes. */
const isConnectionError = (error: KafkaJSError): boolean => {
  for (let e: unknown = error; e instanceof Error; e = e.cause) if (connectionErrors.includes(e.name)) return true;
  return false;
};
