/**
 * The behaviour every EventTransport promises (see event-transport.ts), as one suite that
 * each implementation's spec runs against a real backend.
 */
import { eventually } from '@partybuild/testing';
import type { DeliveredRecord, EventTransport, OutgoingRecord, SubscribeOptions, Subscription } from '../src/transport/event-transport';
import { Inbox, uniqueName, valuesByKey } from './support';

export interface ContractOptions {
  /** How long to wait for deliveries; group joins on Kafka take seconds. */
  timeoutMs?: number;
}

export function describeTransportContract(
  name: string,
  makeTransport: () => EventTransport | Promise<EventTransport>,
  { timeoutMs = 60_000 }: ContractOptions = {},
): void {
  describe(`${name} (transport contract)`, () => {
    jest.setTimeout(timeoutMs * 2);

    const transports: EventTransport[] = [];
    const subscriptions: Subscription[] = [];

    /** A new transport instance; several in one test stand for several processes. */
    const open = async (): Promise<EventTransport> => {
      const transport = await makeTransport();
      transports.push(transport);
      return transport;
    };
    const subscribe = async (transport: EventTransport, options: SubscribeOptions): Promise<Subscription> => {
      const subscription = await transport.subscribe(options);
      subscriptions.push(subscription);
      return subscription;
    };

    afterEach(async () => {
      for (const s of subscriptions.splice(0)) await s.stop().catch(() => undefined);
      for (const t of transports.splice(0)) await t.close().catch(() => undefined);
    });

    const records = (topic: string, key: string, values: string[]): OutgoingRecord[] => values.map((value) => ({ topic, key, value }));

    it('delivers the records of one key in publish order', async () => {
      const transport = await open();
      const topic = uniqueName('contract.order.');
      const inbox = new Inbox();
      // 50 records over 5 keys, in 5 publish calls of 10: record n has key k(n % 5). The
      // first call comes before the subscription, the others while it runs.
      const keys = ['k0', 'k1', 'k2', 'k3', 'k4'];
      const call = (c: number): OutgoingRecord[] =>
        Array.from({ length: 10 }, (_, i) => c * 10 + i).map((n) => ({ topic, key: keys[n % 5], value: String(n) }));

      await transport.publish(call(0));
      await subscribe(transport, { groupId: uniqueName('g'), topics: [topic], fromBeginning: true, handleBatch: inbox.handleBatch });
      for (let c = 1; c < 5; c++) await transport.publish(call(c));

      await inbox.waitFor(50, timeoutMs);
      const delivered = inbox.records;
      expect(delivered).toHaveLength(50);
      expect(delivered.every((r) => r.topic === topic)).toBe(true);
      const byKey = valuesByKey(delivered);
      expect([...byKey.keys()].sort()).toEqual(keys);
      for (const [i, key] of keys.entries()) {
        const expected = Array.from({ length: 10 }, (_, j) => String(j * 5 + i));
        expect({ key, values: byKey.get(key) }).toEqual({ key, values: expected });
      }
      // Offsets only grow within a partition.
      for (const [, list] of groupBy(delivered, (r) => `${r.partition}`)) {
        const offsets = list.map((r) => BigInt(r.offset));
        expect(offsets).toEqual([...offsets].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
        expect(new Set(offsets).size).toBe(offsets.length);
      }
    });

    it('lets a new group read, from the beginning, records published before it subscribed', async () => {
      const transport = await open();
      const topic = uniqueName('contract.replay.');
      await transport.publish(records(topic, 'a', ['a1', 'a2', 'a3']));
      await transport.publish(records(topic, 'b', ['b1', 'b2']));

      const inbox = new Inbox();
      await subscribe(transport, { groupId: uniqueName('g'), topics: [topic], fromBeginning: true, handleBatch: inbox.handleBatch });

      await inbox.waitFor(5, timeoutMs);
      expect(valuesByKey(inbox.records)).toEqual(
        new Map([
          ['a', ['a1', 'a2', 'a3']],
          ['b', ['b1', 'b2']],
        ]),
      );
    });

    it('reports how far a group is behind, and nothing left once it has handled everything', async () => {
      const transport = await open();
      const topic = uniqueName('contract.lag.');
      const group = uniqueName('g');
      await transport.publish(records(topic, 'a', ['a1', 'a2', 'a3']));
      await transport.publish(records(topic, 'b', ['b1', 'b2']));
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const inbox = new Inbox();
      await subscribe(transport, {
        groupId: group,
        topics: [topic],
        fromBeginning: true,
        // Holds the first batch: nothing is committed until the test lets it go.
        handleBatch: async (batch) => {
          await held;
          await inbox.handleBatch(batch);
        },
      });
      const behind = async () =>
        (await transport.consumerLag()).filter((l) => l.group === group && l.topic === topic).reduce((sum, l) => sum + l.lag, 0);
      expect(await behind()).toBe(5);
      release();
      await inbox.waitFor(5, timeoutMs);
      await eventually(async () => ((await behind()) === 0 ? true : undefined), timeoutMs, 'the lag back to 0');
    });

    it('lets a group subscribe before anything was published on its topic', async () => {
      const transport = await open();
      const topic = uniqueName('contract.early.');
      const inbox = new Inbox();
      await subscribe(transport, { groupId: uniqueName('g'), topics: [topic], fromBeginning: true, handleBatch: inbox.handleBatch });
      await transport.publish(records(topic, 'a', ['first', 'second']));

      await inbox.waitFor(2, timeoutMs);
      expect(inbox.values).toEqual(['first', 'second']);
    });

    it('starts a new group without fromBeginning after the records already published', async () => {
      const publisher = await open();
      const topic = uniqueName('contract.latest.');
      await publisher.publish(records(topic, 'a', ['old1', 'old2', 'old3']));

      const inbox = new Inbox();
      await subscribe(await open(), { groupId: uniqueName('g'), topics: [topic], fromBeginning: false, handleBatch: inbox.handleBatch });

      // The group's start position is fixed when it joins, which the port does not announce:
      // publish probes until one arrives. Same key, so an old record would come first.
      let probes = 0;
      await eventually(
        async () => {
          if (inbox.values.some((v) => v.startsWith('probe'))) return true;
          await publisher.publish(records(topic, 'a', [`probe${probes++}`]));
          await sleep(250);
          return undefined;
        },
        timeoutMs,
        'a probe record',
      );
      expect(inbox.values.filter((v) => v.startsWith('old'))).toEqual([]);
      expect(inbox.values[0]).toMatch(/^probe\d+$/);
    });

    it('does not deliver again what a stopped subscription handled, but delivers what came after', async () => {
      const topic = uniqueName('contract.resume.');
      const groupId = uniqueName('g');
      const keys = ['a', 'b', 'c'];
      const before = keys.flatMap((k) => [1, 2, 3].map((n) => ({ topic, key: k, value: `${k}-before-${n}` })));
      const after = keys.flatMap((k) => [1, 2].map((n) => ({ topic, key: k, value: `${k}-after-${n}` })));

      const first = await open();
      await first.publish(before);
      const firstInbox = new Inbox();
      const firstRun = await subscribe(first, { groupId, topics: [topic], fromBeginning: true, handleBatch: firstInbox.handleBatch });
      await firstInbox.waitFor(before.length, timeoutMs);
      await firstRun.stop();
      await first.close();

      // A second process with the same group: records of a key come in order, so a
      // redelivered "before" record would arrive ahead of that key's "after" records.
      const second = await open();
      await second.publish(after);
      const secondInbox = new Inbox();
      await subscribe(second, { groupId, topics: [topic], fromBeginning: true, handleBatch: secondInbox.handleBatch });
      await secondInbox.waitForValues(
        after.map((r) => r.value),
        timeoutMs,
      );

      expect(firstInbox.values.sort()).toEqual(before.map((r) => r.value).sort());
      expect(valuesByKey(secondInbox.records)).toEqual(new Map(keys.map((k) => [k, [`${k}-after-1`, `${k}-after-2`]])));
    });

    it('delivers the records of a failed batch again instead of losing them', async () => {
      const transport = await open();
      const topic = uniqueName('contract.retry.');
      const attempts: DeliveredRecord[][] = [];
      const handled: DeliveredRecord[] = [];
      let failures = 0;

      await transport.publish(records(topic, 'a', ['a1', 'a2', 'a3']));
      await subscribe(transport, {
        groupId: uniqueName('g'),
        topics: [topic],
        fromBeginning: true,
        handleBatch: async (batch) => {
          attempts.push(batch);
          if (failures === 0) {
            failures += 1;
            throw new Error('projection database unavailable');
          }
          handled.push(...batch);
        },
      });

      await eventually(async () => (handled.length >= 3 ? true : undefined), timeoutMs, 'the failed records again');
      expect(failures).toBe(1);
      expect(attempts.length).toBeGreaterThanOrEqual(2);
      const failed = attempts[0].map((r) => r.value);
      expect(failed.length).toBeGreaterThan(0);
      // What failed came back, in order, and nothing was skipped.
      expect(handled.map((r) => r.value)).toEqual(['a1', 'a2', 'a3']);
      expect(handled.slice(0, failed.length).map((r) => [r.value, r.offset])).toEqual(attempts[0].map((r) => [r.value, r.offset]));
    });
  });
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
