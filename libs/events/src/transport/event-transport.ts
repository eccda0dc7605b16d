/**
 * Our own small port over the message broker, so that the client library (kafkajs today)
 * can be swapped and the zero-setup default can run without Kafka. Both implementations
 * pass the same contract tests.
 */
export interface OutgoingRecord {
  topic: string;
  /** Records with the same key are delivered in the order they were published. */
  key: string;
  value: string;
  /**
   * Message headers beside the value (the trace context of the publish). Kafka carries them;
   * the embedded log does not, and nothing may depend on them.
   */
  headers?: Record<string, string>;
}

export interface DeliveredRecord extends OutgoingRecord {
  partition: number;
  offset: string;
}

/** How far one consumer group is behind the end of one partition, in messages. */
export interface ConsumerLag {
  group: string;
  topic: string;
  partition: number;
  lag: number;
}

export interface SubscribeOptions {
  groupId: string;
  topics: string[];
  /** Where a group with no committed position starts. */
  fromBeginning?: boolean;
  /**
   * Receives records in order per key. The position is committed only after this resolves;
   * if it throws (or the process dies) the same records are delivered again.
   */
  handleBatch(records: DeliveredRecord[]): Promise<void>;
  /**
   * Batches of different topics (and partitions) may be handled at the same time: only for a
   * handler whose effects of different topics touch different rows, so that concurrent
   * transactions neither wait for nor deadlock with each other. Order per key is kept either way.
   */
  topicsInParallel?: boolean;
}

export interface Subscription {
  stop(): Promise<void>;
}

export class PublishError extends Error {
  constructor(
    message: string,
    readonly retriable: boolean,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'PublishError';
  }
}

export interface EventTransport {
  readonly name: string;
  /** Publishes in the given order; resolves once the broker has stored every record. */
  publish(records: OutgoingRecord[]): Promise<void>;
  /**
   * Starts delivering to `handleBatch`. Resolves at once: a subscription that cannot reach its
   * broker keeps trying in the background (see `degraded`).
   */
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Creates the topics with the system's settings where the transport has topics to create. */
  ensureTopics(topics: string[]): Promise<void>;
  /** What does not work right now, in words for an operator (readiness); empty when all is well. */
  degraded(): string[];
  /**
   * The lag of every consumer group subscribed through this transport, per partition, read from
   * the broker now (for the metrics scrape); rejects when the broker cannot be asked.
   */
  consumerLag(): Promise<ConsumerLag[]>;
  close(): Promise<void>;
}
