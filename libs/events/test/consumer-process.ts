/**
 * A consumer process that kills itself (SIGKILL: no cleanup, no graceful shutdown) at a
 * chosen point, for the crash tests of the idempotent consumer:
 *
 *   CONSUMER_PROCESS='{"databaseUrl":…,"brokers":[…],"topic":…,"groupId":…,"eventType":…,"crash":"mid-batch"}' \
 *     node tools/run.js libs/events/test/consumer-process.ts
 *
 * crash = "mid-batch": once a batch has been committed, die while applying a later batch,
 *   after at least two of its events were applied inside its still open transaction.
 * crash = "after-commit": die right after the first batch's transaction committed, before
 *   the transport could commit the batch's position.
 * Before dying it writes one JSON line to stdout: what it had done.
 */
import { writeSync } from 'node:fs';
import { openDataSource } from '@partybuild/persistence';
import { startIdempotentConsumer } from '../src/consumer/idempotent-consumer';
import { consumerMigrations } from '../src/index';
import { KafkaTransport } from '../src/transport/kafka-transport';
import { logger } from './support';
import { tallyHandlers } from './tally';

export interface ConsumerProcessConfig {
  databaseUrl: string;
  brokers: string[];
  topic: string;
  groupId: string;
  eventType: string;
  crash: 'mid-batch' | 'after-commit';
}

export interface CrashReport {
  /** Events applied, in committed batches and in the batch being applied. */
  applied: number;
  /** Events applied in the batch whose transaction was open at the crash. */
  inOpenBatch: number;
  /** Events in the batches whose transactions committed. */
  committed: number;
  committedBatches: number;
  lastBatchSize: number;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.env.CONSUMER_PROCESS ?? '') as ConsumerProcessConfig;
  const dataSource = await openDataSource({ url: config.databaseUrl, entities: [], migrations: consumerMigrations, poolSize: 2 });
  const report: CrashReport = { applied: 0, inOpenBatch: 0, committed: 0, committedBatches: 0, lastBatchSize: 0 };
  const die = () => {
    writeSync(1, `${JSON.stringify(report)}\n`);
    process.kill(process.pid, 'SIGKILL');
  };

  await startIdempotentConsumer({
    transport: new KafkaTransport({ brokers: config.brokers, clientId: config.groupId, logger }),
    dataSource,
    logger,
    groupId: config.groupId,
    topics: [config.topic],
    handlers: tallyHandlers(config.eventType, () => {
      report.applied += 1;
      report.inOpenBatch += 1;
      if (config.crash === 'mid-batch' && report.committedBatches >= 1 && report.inOpenBatch >= 2) die();
    }),
    onApplied: (events) => {
      report.committed += events.length;
      report.committedBatches += 1;
      report.lastBatchSize = events.length;
      report.inOpenBatch = 0;
      if (config.crash === 'after-commit') die();
    },
  });
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
