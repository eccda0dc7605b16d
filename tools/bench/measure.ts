/** p50/p95/p99 of a list of milliseconds, for benchmark output. */
export function percentiles(samples: number[]): { p50: number; p95: number; p99: number; n: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: sorted.length };
}

export const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** Times `count` sequential calls of `work`. */
export async function timeCalls(count: number, work: (i: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await work(i);
    samples.push(performance.now() - started);
  }
  return samples;
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/**
 * Times `runs` requests after `warmup` unmeasured ones and prints p50, p95 and the SQL statements
 * per request; returns p50 and p95 (for docs/performance.md).
 */
export async function measure(
  name: string,
  runs: number,
  request: (i: number) => Promise<{ sqlQueries: number; errors?: unknown[] }>,
  warmup = 10,
): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  const sql: number[] = [];
  for (let i = 0; i < runs + warmup; i++) {
    const started = performance.now();
    const result = await request(i);
    const elapsed = performance.now() - started;
    if (result.errors?.length) throw new Error(`${name}: ${JSON.stringify(result.errors)}`);
    if (i >= warmup) {
      times.push(elapsed);
      sql.push(result.sqlQueries);
    }
  }
  process.stdout.write(
    `${name.padEnd(62)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(6)} ms  SQL/request ${Math.min(...sql)}–${Math.max(...sql)}  (n=${runs})\n`,
  );
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}
