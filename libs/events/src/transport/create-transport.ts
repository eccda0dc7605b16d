import type { ConfigOf, eventTransport } from '@partybuild/config';
import type { Logger } from '@partybuild/logging';
import { EventTransport } from './event-transport';
import { EmbeddedTransport } from './embedded-transport';
import { KafkaTransport } from './kafka-transport';
import { DEFAULT_TOPIC_SETTINGS, TopicSettings } from './kafka-topics';

/** The event-transport variables as libs/config declares them (with the rule that kafka needs brokers). */
export type TransportConfig = ConfigOf<typeof eventTransport>;

/** Topic settings from configuration, defaults for a single local broker. */
export const topicSettingsOf = (config: TransportConfig): TopicSettings => ({
  partitions: config.KAFKA_TOPIC_PARTITIONS ?? DEFAULT_TOPIC_SETTINGS.partitions,
  replicationFactor: config.KAFKA_REPLICATION_FACTOR ?? DEFAULT_TOPIC_SETTINGS.replicationFactor,
  minInsyncReplicas: config.KAFKA_MIN_INSYNC_REPLICAS,
});

/** Chooses the transport from configuration; the missing variable is named if it cannot. */
export function createTransport(config: TransportConfig, clientId: string, logger: Logger): EventTransport {
  if (config.EVENT_TRANSPORT === 'kafka') {
    if (!config.KAFKA_BROKERS) throw new Error('KAFKA_BROKERS is required when EVENT_TRANSPORT=kafka');
    return new KafkaTransport({
      brokers: config.KAFKA_BROKERS.split(',').map((b) => b.trim()),
      clientId,
      logger,
      topics: topicSettingsOf(config),
    });
  }
  if (!config.EVENTS_DATABASE_URL) throw new Error('EVENTS_DATABASE_URL is required when EVENT_TRANSPORT=embedded');
  return new EmbeddedTransport(config.EVENTS_DATABASE_URL, logger);
}
