/**
 * Small helpers shared by the events specs: a silent logger, a record collector, Kafka
 * offsets for "has the group read everything?" and unique names per test.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { createLogger } from '@partybuild/logging';
import { eventually } from '@partybuild/testing';
import type { DeliveredRecord } from '../src/transport/event-transport';

export const logger = createLogger('events-test', process.env.LOG_LEVEL ?? 'silent');

/** A short unique name part: letters and digits only, valid in Kafka topic and group names. */
export const uniqueName = (prefix: string): string => `${prefix}${randomUUID().replace(/-/g, '').slice(0, 16)}`;

/** Collects what a subscription delivers, batch by batch. */
export class Inbox {
  readonly batches: DeliveredRecord[][] = [];

  get records(): DeliveredRecord[] {
    return this.batches.flat();
  }

  get values(): string[] {
    return this.records.map((r) => r.value);
  }

  readonly handleBatch = async (records: DeliveredRecord[]): Promise<void> => {
    this.batches.push(records);
  };

  /** Waits until at least `count` records arrived. */
  async waitFor(count: number, timeoutMs = 60_000, what = `${count} records`): Promise<void> {
    await eventually(async () => (this.records.length >= count ? true : undefined), timeoutMs, what);
  }

  /** Waits until every one of `values` arrived (in any order, duplicates allowed). */
  async waitForValues(values: string[], timeoutMs = 60_000): Promise<void> {
    await eventually(
      async () => {
        const seen = new Set(this.values);
        return values.every((v) => seen.has(v)) ? true : undefined;
      },
      timeoutMs,
      `${values.length} given records`,
    );
  }
}

/** Values grouped by key, each in delivery order. */
export function valuesByKey(records: { key: string; value: string }[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const r of records) byKey.set(r.key, [...(byKey.get(r.key) ?? []), r.value]);
  return byKey;
}

/** A kafkajs admin client for inspecting topics and group offsets (not for the code under test). */
export function kafkaAdmin(brokers: string[]) {
  const kafka = new Kafka({ clientId: uniqueName('admin'), brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  let connected: Promise<void> | undefined;
  const ready = () => (connected ??= admin.connect());
  return {
    /** How many records the topic holds (sum of the partitions' end offsets; no compaction, no transactions). */
    async recordCount(topic: string): Promise<number> {
      await ready();
      const offsets = await admin.fetchTopicOffsets(topic);
      return offsets.reduce((sum, p) => sum + Number(p.high) - Number(p.low), 0);
    },
    /** True when the group has committed, on every partition, the topic's end offset. */
    async groupCaughtUp(groupId: string, topic: string): Promise<boolean> {
      await ready();
      const ends = await admin.fetchTopicOffsets(topic);
      const [committed] = await admin.fetchOffsets({ groupId, topics: [topic] });
      return ends.every((end) => {
        const mine = committed?.partitions.find((p) => p.partition === end.partition);
        return Number(end.high) === 0 || (mine !== undefined && Number(mine.offset) === Number(end.high));
      });
    },
    close: () => admin.disconnect(),
  };
}
