import type { DataSource } from 'typeorm';

const pause = () => new Promise((resolve) => setTimeout(resolve, 100));

/**
 * Waits until every producer's outbox is published and the statistics have applied (or
 * parked) every event then on the topics: the moment at which the figures must equal the
 * sources. Producers are the services with an outbox.
 */
export async function settle(
  producers: DataSource[],
  statistics: DataSource,
  countEvents: () => Promise<number>,
  timeoutMs = 120_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  const check = () => {
    if (Date.now() > deadline) throw new Error('the events did not settle in time');
  };
  for (const producer of producers) {
    while ((await producer.query(`SELECT 1 FROM outbox WHERE published_at IS NULL AND parked_at IS NULL LIMIT 1`)).length) {
      check();
      await pause();
    }
  }
  const total = await countEvents();
  for (;;) {
    const [{ n }] = await statistics.query(`SELECT (SELECT count(*) FROM processed_event) + (SELECT count(*) FROM parked_event) AS n`);
    if (Number(n) >= total) return total;
    check();
    await pause();
  }
}
