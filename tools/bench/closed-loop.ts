import http from 'node:http';
import { percentile } from './measure';

export interface LoadResult {
  clients: number;
  requests: number;
  /** Completed requests per second over the measured window. */
  throughput: number;
  p50: number;
  p95: number;
}

export interface LoadTarget {
  url: string;
  headers: () => Record<string, string>;
}

/**
 * Closed loop: `clients` callers each send the next request as soon as the previous answer is
 * read, for `seconds` after a warm-up. One keep-alive socket per caller, plain node:http (the
 * load generator shares the machine with what it measures, so it stays as cheap as it can).
 * A GraphQL error or a non-200 answer stops the run: a fast wrong answer is not a figure.
 */
export async function closedLoop(
  target: LoadTarget,
  body: (i: number) => string,
  clients: number,
  seconds: number,
  warmupSeconds = 1,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const url = new URL(target.url);
  const send = (payload: string) =>
    new Promise<void>((resolve, reject) => {
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          path: url.pathname,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload), ...target.headers() },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            if (res.statusCode !== 200 || text.includes('"errors"'))
              reject(new Error(`${target.url} answered ${res.statusCode}: ${text.slice(0, 300)}`));
            else resolve();
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const times: number[] = [];
  let measuring = false;
  let stopped = false;
  let sent = 0;
  const caller = async () => {
    while (!stopped) {
      const started = performance.now();
      await send(body(sent++));
      if (measuring && !stopped) times.push(performance.now() - started);
    }
  };
  const callers = Array.from({ length: clients }, caller);
  const failure = Promise.race(callers).then(() => undefined);
  await Promise.race([new Promise((resolve) => setTimeout(resolve, warmupSeconds * 1000)), failure]);
  measuring = true;
  const began = performance.now();
  await Promise.race([new Promise((resolve) => setTimeout(resolve, seconds * 1000)), failure]);
  stopped = true;
  const elapsed = (performance.now() - began) / 1000;
  await Promise.all(callers);
  agent.destroy();
  return { clients, requests: times.length, throughput: times.length / elapsed, p50: percentile(times, 50), p95: percentile(times, 95) };
}
