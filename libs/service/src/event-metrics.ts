import { Gauge, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { EventTransport, OutboxBacklog, outboxBacklog } from '@partybuild/events';
import type { Logger } from '@partybuild/logging';

/**
 * `outbox_backlog_events` and `outbox_oldest_event_age_seconds`, read from the outbox table when
 * Prometheus scrapes: a backlog that grows, or an oldest event that ages, means the relay cannot
 * publish (broker unreachable, a message refused) while the service goes on taking writes.
 */
export function exposeOutboxBacklog(registry: Registry, dataSource: DataSource, logger: Logger): void {
  // Both gauges are collected in the same scrape: one query serves them.
  let last: { at: number; backlog: Promise<OutboxBacklog> } | undefined;
  const backlog = () => {
    if (!last || Date.now() - last.at > 1000) last = { at: Date.now(), backlog: outboxBacklog(dataSource) };
    return last.backlog;
  };
  const read = async (pick: (b: OutboxBacklog) => number, gauge: Gauge) => {
    try {
      gauge.set(pick(await backlog()));
    } catch (error) {
      // The database is away: the scrape still answers (with the last figures), the failure is logged.
      logger.warn({ err: error }, 'outbox backlog could not be read for the metrics');
    }
  };
  new Gauge({
    name: 'outbox_backlog_events',
    help: 'Events in the outbox not yet published to the broker (parked ones excluded)',
    registers: [registry],
    collect() {
      return read((b) => b.events, this);
    },
  });
  new Gauge({
    name: 'outbox_oldest_event_age_seconds',
    help: 'Age of the oldest event waiting in the outbox; 0 when none waits',
    registers: [registry],
    collect() {
      return read((b) => b.oldestAgeSeconds, this);
    },
  });
}

/**
 * `kafka_consumer_lag{topic,partition,group}`: messages each of the service's consumer groups has
 * still to apply, asked of the broker at each scrape. When the broker does not answer, the lag
 * is unknown and no sample is given (rather than an old figure that looks current).
 */
export function exposeConsumerLag(registry: Registry, transport: EventTransport, logger: Logger): void {
  new Gauge({
    name: 'kafka_consumer_lag',
    help: 'Messages of a partition not yet applied by the consumer group (end offset minus committed offset)',
    labelNames: ['topic', 'partition', 'group'],
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const { topic, partition, group, lag } of await transport.consumerLag()) {
          this.set({ topic, partition: String(partition), group }, lag);
        }
      } catch (error) {
        logger.debug({ err: error }, 'consumer lag could not be read for the metrics');
      }
    },
  });
}
