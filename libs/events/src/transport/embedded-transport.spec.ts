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
