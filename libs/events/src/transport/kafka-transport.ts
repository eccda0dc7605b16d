import { Admin, Consumer, EachBatchPayload, IHeaders, Kafka, KafkaJSError, Producer, RetryOptions, logLevel } from 'kafkajs';
import type { Logger } from '@partybuild/logging';
import { ConsumerLag, EventTransport, OutgoingRecord, PublishError, SubscribeOptions, Subscription } from './event-transport';
import { DEFAULT_TOPIC_SETTINGS, TopicSettings, ensureTopics } from './kafka-topics';

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** How topics this transport creates are made (partitions, replication, min.insync.replicas). */
  topics?: TopicSettings;
}

/** CloudEvents Kafka protocol binding, structured mode: the whole envelope is the message value. */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

/**
 * Reconnect attempts stay short and capped at half a second, so that after a broker outage the
 * relay and the consumers are back within a couple of seconds (kafkajs's default grows to 30 s).
 * An attempt against a broker that is down costs one refused connection.
 */
const RETRY: RetryOptions = { retries: 5, initialRetryTime: 100, maxRetryTime: 500 };
const RESTART_CAP_MS = 500;
/** Partitions a consumer with `topicsInParallel` handles at once: one per core is plenty, the database is the limit. */
const PARALLEL_PARTITIONS = 4;

/**
 * Kafka through kafkajs: idempotent producer, acks from all in-sync replicas, one request in
 * flight, CloudEvents content-type header on every message. Topics are created by the system
 * with its settings (kept forever), never auto-created by the broker. Consumers connect in
 * the background and reconnect for as long as they run, so a service starts and accepts
 * writes while the broker is down.
 */
export class KafkaTransport implements EventTransport {
  readonly name = 'kafka';
  private readonly kafka: Kafka;
  private producer?: Promise<Producer>;
  private readonly subscriptions = new Set<BackgroundConsumer>();
  private readonly ensured = new Set<string>();
  private readonly settings: TopicSettings;

  constructor(private readonly options: KafkaTransportOptions) {
    this.settings = options.topics ?? DEFAULT_TOPIC_SETTINGS;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 1000,
      retry: RETRY,
    });
  }

  async publish(records: OutgoingRecord[]): Promise<void> {
    if (records.length === 0) return;
    const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
    for (const r of records) {
      const list = byTopic.get(r.topic) ?? [];
      list.push({ key: r.key, value: r.value, headers: { ...r.headers, 'content-type': CLOUDEVENTS_CONTENT_TYPE } });
      byTopic.set(r.topic, list);
    }
    try {
      await this.ensureTopics([...byTopic.keys()]);
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

  /** Returns at once; the consumer joins its group in the background and rejoins after any failure. */
  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const background = new BackgroundConsumer(this, options, this.options.logger);
    this.subscriptions.add(background);
    background.start();
    return {
      stop: async () => {
        this.subscriptions.delete(background);
        await background.stop();
      },
    };
  }

  /** Creates the topics (kept forever) unless this process already did; also the command's entry point. */
  async ensureTopics(topics: string[]): Promise<void> {
    const missing = topics.filter((t) => !this.ensured.has(t));
    if (missing.length === 0) return;
    await this.withAdmin(async (admin) => {
      const created = await ensureTopics(admin, missing, this.settings);
      if (created.length) this.options.logger.info({ topics: created, settings: this.settings }, 'topics created');
    });
    for (const t of missing) this.ensured.add(t);
  }

  /** What does not work right now (for readiness): consumers waiting for the broker. */
  degraded(): string[] {
    return [...this.subscriptions].flatMap((s) => s.problem() ?? []);
  }

  /**
   * Committed offsets of each subscribed group against the end of each partition. One admin
   * connection per scrape, without retries: a broker that does not answer fails the scrape of
   * the lag quickly instead of holding the metrics endpoint.
   */
  async consumerLag(): Promise<ConsumerLag[]> {
    const groups = [...this.subscriptions].map((s) => s.subscribed);
    if (groups.length === 0) return [];
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      const topics = [...new Set(groups.flatMap((g) => g.topics))];
      const ends = new Map<string, Array<{ partition: number; high: string; low: string }>>();
      for (const topic of topics) ends.set(topic, await admin.fetchTopicOffsets(topic));
      const lags: ConsumerLag[] = [];
      for (const { groupId, topics: groupTopics } of groups) {
        for (const { topic, partitions } of await admin.fetchOffsets({ groupId, topics: groupTopics })) {
          const committed = new Map(partitions.map((p) => [p.partition, BigInt(p.offset)]));
          for (const { partition, high, low } of ends.get(topic) ?? []) {
            // -1: nothing committed yet; the group starts from the oldest message kept.
            const position = committed.get(partition) ?? -1n;
            const from = position < 0n ? BigInt(low) : position;
            lags.push({ group: groupId, topic, partition, lag: Number(BigInt(high) - from) });
          }
        }
      }
      return lags;
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    const producer = this.producer;
    this.producer = undefined;
    if (producer) await producer.then((p) => p.disconnect()).catch(() => undefined);
  }

  /** @internal a consumer with the transport's client settings. */
  newConsumer(groupId: string): Consumer {
    return this.kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      retry: { ...RETRY, restartOnFailure: async () => true },
    });
  }

  private async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin({ retry: RETRY });
    await admin.connect();
    try {
      return await work(admin);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  private connectedProducer(): Promise<Producer> {
    if (!this.producer) {
      const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
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

/**
 * One subscription: connect, subscribe and run; when that fails or the consumer crashes for
 * good, disconnect and try again after a short pause (at most a second).
 */
class BackgroundConsumer {
  private stopped = false;
  private consumer?: Consumer;
  private loop?: Promise<void>;
  private lastError?: string;
  private running = false;
  private wake?: () => void;

  constructor(
    private readonly transport: KafkaTransport,
    private readonly options: SubscribeOptions,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.loop = this.run();
  }

  /** The group and its topics, for the lag. */
  get subscribed(): { groupId: string; topics: string[] } {
    return { groupId: this.options.groupId, topics: this.options.topics };
  }

  problem(): string | undefined {
    if (this.running) return undefined;
    return `consumer group ${this.options.groupId} (${this.options.topics.join(', ')}) is waiting for Kafka${this.lastError ? `: ${this.lastError}` : ''}`;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
  }

  private async run(): Promise<void> {
    let pause = 100;
    while (!this.stopped) {
      const crashed = new Promise<void>((resolve) => (this.wake = resolve));
      try {
        await this.transport.ensureTopics(this.options.topics);
        const consumer = this.transport.newConsumer(this.options.groupId);
        this.consumer = consumer;
        consumer.on(consumer.events.CRASH, ({ payload }) => {
          this.running = false;
          this.lastError = payload.error.message;
          // kafkajs restarts by itself after a retriable crash; otherwise this loop does.
          if (!payload.restart) this.wake?.();
        });
        consumer.on(consumer.events.GROUP_JOIN, () => {
          this.running = true;
          this.lastError = undefined;
          pause = 100;
        });
        if (this.stopped) break;
        await consumer.connect();
        await consumer.subscribe({ topics: this.options.topics, fromBeginning: this.options.fromBeginning ?? false });
        await consumer.run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: this.options.topicsInParallel ? PARALLEL_PARTITIONS : 1,
          eachBatch: (payload) => this.eachBatch(payload),
        });
        await crashed;
      } catch (error) {
        this.running = false;
        this.lastError = (error as Error).message;
        this.logger.warn({ err: error, groupId: this.options.groupId, retryInMs: pause }, 'event consumer could not reach Kafka; retrying');
      }
      await this.consumer?.disconnect().catch(() => undefined);
      this.consumer = undefined;
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pause);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      pause = Math.min(pause * 2, RESTART_CAP_MS);
    }
    this.running = false;
  }

  private async eachBatch({ batch, resolveOffset, commitOffsetsIfNecessary, heartbeat }: EachBatchPayload): Promise<void> {
    const records = batch.messages.map((m) => ({
      topic: batch.topic,
      partition: batch.partition,
      offset: m.offset,
      key: m.key?.toString() ?? '',
      value: m.value?.toString() ?? '',
      headers: textHeaders(m.headers),
    }));
    if (records.length === 0) return;
    await this.options.handleBatch(records);
    const last = records[records.length - 1].offset;
    resolveOffset(last);
    await commitOffsetsIfNecessary({
      topics: [{ topic: batch.topic, partitions: [{ partition: batch.partition, offset: (BigInt(last) + 1n).toString() }] }],
    });
    await heartbeat();
  }
}

/** Headers as text (kafkajs gives buffers, or arrays of them for a repeated header: the first counts). */
function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) text[name] = first.toString();
  }
  return text;
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
