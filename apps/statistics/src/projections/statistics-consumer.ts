import type { DataSource } from 'typeorm';
import { Histogram, Registry } from 'prom-client';
import { ACTIVITY_TOPIC, ASSESSMENT_TOPIC, MEMBERSHIP_TOPIC, ORGANIZATION_TOPIC, PAIRING_TOPIC } from '@partybuild/contracts';
import { EventEnvelope, EventTransport, startIdempotentConsumer } from '@partybuild/events';
import type { Logger } from '@partybuild/logging';
import { activityFactHandlers } from './activity-facts';
import { organizationFactHandlers } from './committee-facts';
import { memberFactHandlers } from './member-facts';
import { assessmentFactHandlers } from './assessment-facts';
import { pairingFactHandlers } from './pairing-facts';

export const STATISTICS_TOPICS = [ORGANIZATION_TOPIC, MEMBERSHIP_TOPIC, ACTIVITY_TOPIC, ASSESSMENT_TOPIC, PAIRING_TOPIC];

export const statisticsHandlers = {
  ...organizationFactHandlers,
  ...memberFactHandlers,
  ...activityFactHandlers,
  ...assessmentFactHandlers,
  ...pairingFactHandlers,
};

export interface StatisticsConsumerOptions {
  transport: EventTransport;
  dataSource: DataSource;
  logger: Logger;
  groupId: string;
  metrics?: Registry;
  onApplied?: (events: EventEnvelope[]) => void;
}

/**
 * Keeps every projection of the statistics from the topics. The lag of each event — from the
 * moment it happened to the moment its figure changed — is a Prometheus histogram.
 */
export function startStatisticsConsumer(options: StatisticsConsumerOptions) {
  const lag = new Histogram({
    name: 'partybuild_statistics_event_lag_seconds',
    help: 'From an event happening to its figure changing',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 30],
    registers: options.metrics ? [options.metrics] : [],
  });
  return startIdempotentConsumer({
    transport: options.transport,
    dataSource: options.dataSource,
    logger: options.logger,
    groupId: options.groupId,
    topics: STATISTICS_TOPICS,
    handlers: statisticsHandlers,
    fromBeginning: true,
    // Each topic has its own fact tables; the batches share only the version row, updated last.
    topicsInParallel: true,
    // A member's or a meeting's events touch only its own rows (keys are the aggregate ids); the
    // tree's runs re-root other nodes' rows, so the organisation topic is applied whole.
    splitByKey: { topics: [MEMBERSHIP_TOPIC, ACTIVITY_TOPIC], ways: 2 },
    withinBatch: async (manager) => {
      await manager.query(`UPDATE stat_version SET version = version + 1 WHERE id = 1`);
    },
    onApplied: (events) => {
      const now = Date.now();
      for (const event of events) lag.observe((now - Date.parse(event.time)) / 1000);
      options.onApplied?.(events);
    },
  });
}
