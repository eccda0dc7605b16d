import type { Logger } from '@partybuild/logging';
import { EventTransport } from './event-transport';
import { EmbeddedTransport } from './embedded-transport';
import { KafkaTransport } from './kafka-transport';

export interface TransportConfig {
  EVENT_TRANSPORT: 'embedded' | 'kafka';
  KAFKA_BROKERS?: string;
  EVENTS_DATABASE_URL?: string;
}

/** Chooses the transport from configuration; the missing variable is named if it cannot. */
export function createTransport(config: TransportConfig, clientId: string, logger: Logger): EventTransport {
  if (config.EVENT_TRANSPORT === 'kafka') {
    if (!config.KAFKA_BROKERS) throw new Error('KAFKA_BROKERS is required when EVENT_TRANSPORT=kafka');
    return new KafkaTransport({ brokers: config.KAFKA_BROKERS.split(',').map((b) => b.trim()), clientId, logger });
  }
  if (!config.EVENTS_DATABASE_URL) throw new Error('EVENTS_DATABASE_URL is required when EVENT_TRANSPORT=embedded');
  return new EmbeddedTransport(config.EVENTS_DATABASE_URL, logger);
}
