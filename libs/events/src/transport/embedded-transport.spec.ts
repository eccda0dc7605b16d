import { freshDatabase } from '@partybuild/testing';
import { EmbeddedTransport } from './embedded-transport';
import { describeTransportContract } from '../../test/transport-contract';
import { logger } from '../../test/support';

let url: string;
beforeAll(async () => {
  url = await freshDatabase();
});

// Every instance shares the database, as the services of one node share the event log.
describeTransportContract('EmbeddedTransport', () => new EmbeddedTransport(url, logger, 20), { timeoutMs: 20_000 });

describe('EmbeddedTransport readers between publishes', () => {
  it('are woken by the commit of a publish in another instance, not by their interval', async () => {
    const hour = 3_600_000;
    const [reader, writer] = [new EmbeddedTransport(url, logger, hour), new EmbeddedTransport(url, logger, hour)];
    const received: number[] = [];
    const subscription = await reader.subscribe({
      groupId: 'doorbell',
      topics: ['doorbell.topic'],
      fromBeginning: false,
      handleBatch: async (records) => {
        for (const _ of records) received.push(Date.now());
      },
    });
    try {
      // Let the reader reach its wait first: only a notification can wake it within the hour.
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (let i = 0; i < 3; i++) {
        const sent = Date.now();
        await writer.publish([{ topic: 'doorbell.topic', key: 'k', value: JSON.stringify({ i }) }]);
        const deadline = sent + 2_000;
        while (received.length < i + 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
        expect(received).toHaveLength(i + 1);
        expect(received[i] - sent).toBeLessThan(1_000);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      const stopping = Date.now();
      await subscription.stop();
      // Stopping wakes the reader instead of waiting out its interval.
      expect(Date.now() - stopping).toBeLessThan(1_000);
      await Promise.all([reader.close(), writer.close()]);
    }
  });
});

describe('EmbeddedTransport with topics in parallel', () => {
  it('hands one topic a batch while another topic’s batch is still being handled, and keeps each topic in order', async () => {
    const transport = new EmbeddedTransport(url, logger, 20);
    await transport.publish([
      ...[1, 2, 3].map((i) => ({ topic: 'parallel.slow', key: 'k', value: String(i) })),
      ...[1, 2, 3].map((i) => ({ topic: 'parallel.fast', key: 'k', value: String(i) })),
    ]);
    const seen: Record<string, string[]> = { 'parallel.slow': [], 'parallel.fast': [] };
    let fastArrived!: () => void;
    const fast = new Promise<void>((resolve) => (fastArrived = resolve));
    const started = Date.now();
    const subscription = await transport.subscribe({
      groupId: 'parallel-readers',
      topics: ['parallel.slow', 'parallel.fast'],
      fromBeginning: true,
      topicsInParallel: true,
      handleBatch: async (records) => {
        seen[records[0].topic].push(...records.map((r) => r.value));
        if (records[0].topic === 'parallel.fast') fastArrived();
        // The slow topic's batch finishes only once the fast topic has had its batch (or after 2 s, read one after the other).
        else await Promise.race([fast, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      },
    });
    try {
      while (seen['parallel.slow'].length < 3 || seen['parallel.fast'].length < 3) await new Promise((r) => setTimeout(r, 10));
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(seen).toEqual({ 'parallel.slow': ['1', '2', '3'], 'parallel.fast': ['1', '2', '3'] });
    } finally {
      await subscription.stop();
      await transport.close();
    }
  });
});
