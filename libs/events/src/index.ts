export { CURRENT_SCHEMA_VERSION, createEnvelope, parseEnvelope, pathText, topicForType, understands } from './envelope';
export type { EventEnvelope, NewEvent, ParsedEnvelope } from './envelope';
export { PublishError } from './transport/event-transport';
export type {
  ConsumerLag,
  EventTransport,
  OutgoingRecord,
  DeliveredRecord,
  SubscribeOptions,
  Subscription,
} from './transport/event-transport';
export { KafkaTransport } from './transport/kafka-transport';
export { EmbeddedTransport } from './transport/embedded-transport';
export { createTransport, topicSettingsOf } from './transport/create-transport';
export { CLOUDEVENTS_CONTENT_TYPE } from './transport/kafka-transport';
export { DEFAULT_TOPIC_SETTINGS, ensureTopics, topicConfig } from './transport/kafka-topics';
export type { TopicSettings } from './transport/kafka-topics';
export type { TransportConfig } from './transport/create-transport';
export { appendToOutbox } from './outbox/outbox-writer';
export { OutboxRelay } from './outbox/outbox-relay';
export { outboxBacklog } from './outbox/outbox-backlog';
export type { OutboxBacklog } from './outbox/outbox-backlog';
export type { RelayOptions } from './outbox/outbox-relay';
export { startIdempotentConsumer } from './consumer/idempotent-consumer';
export type { ConsumerOptions, EventHandler, HandlerEntry, ConsumerStats } from './consumer/idempotent-consumer';
import { CreateOutbox1767225600000 } from './outbox/outbox-migration';
import { OutboxTraceContext1795737600000 } from './outbox/outbox-trace-migration';
import { CreateConsumerTables1767225600001 } from './consumer/consumer-migration';

/** Add these to a service's migrations: the outbox, and the consumer's bookkeeping. */
export const outboxMigrations = [CreateOutbox1767225600000, OutboxTraceContext1795737600000];
export const consumerMigrations = [CreateConsumerTables1767225600001];
