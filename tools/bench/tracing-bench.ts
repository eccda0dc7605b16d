import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '@partybuild/auth';
import { freePort } from '../dev/concurrency';
import { graphql } from '../dev/graphql-client';
import { launch } from '../dev/launch';
import { SERVICES } from '../dev/services';
import { newSecrets } from '../dev/stack';
import { startOtlpReceiver } from '../e2e/otlp-receiver';
import { percentiles } from './measure';

/**
 * What tracing costs a request: the system as `npm start` runs it (one process per service), once
 * with no OTEL_* variable and once exporting every span to a loopback OTLP receiver, the same
 * query through the gateway (organisation + its members: two subgraphs, their SQL) timed in each.
 */
async function run(tracing: boolean, runs: number): Promise<{ p50: number; p95: number; spans: number }> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'partybuild-bench-'));
  const receiver = await startOtlpReceiver();
  const ports = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s.name, await freePort()])));
  const system = await launch({
    dataDir,
    pgPort: await freePort(),
    gatewayPort: await freePort(),
    servicePorts: ports,
    host: '127.0.0.1',
    eventTransport: 'embedded',
    databasePrefix: 'bench_',
    secrets: newSecrets(),
    logLevel: 'error',
    env: tracing ? { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint } : {},
    write: () => undefined,
  });
  try {
    const token = system.tokenFor({ subject: 'bench', name: 'Benchmark', roles: [Role.DISTRICT_ADMIN], scope: [] });
    const created = await graphql<{ createOrganization: { id: string } }>(
      system.gatewayUrl,
      token,
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      { input: { code: 'BENCH', name: '基准测试党委', kind: 'PARTY_COMMITTEE', sector: 'AGENCY' } },
    );
    const id = created.data!.createOrganization.id;
    const query = `query($id: ID!) { organization(id: $id) { name members(first: 5) { totalCount } } }`;
    const times: number[] = [];
    for (let i = 0; i < runs + 30; i++) {
      const started = performance.now();
      const answer = await graphql(system.gatewayUrl, token, query, { id });
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      if (i >= 30) times.push(performance.now() - started);
    }
    await new Promise((resolve) => setTimeout(resolve, 6000));
    return { ...percentiles(times), spans: receiver.spans.length };
  } finally {
    await system.stop();
    await receiver.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  const runs = 300;
  for (const tracing of [false, true]) {
    const figures = await run(tracing, runs);
    process.stdout.write(
      `${tracing ? 'tracing on (every span exported)' : 'tracing off (no OTEL_*)        '}  organisation + members through the gateway: ` +
        `p50 ${figures.p50.toFixed(1)} ms  p95 ${figures.p95.toFixed(1)} ms  (n=${runs}, spans received ${figures.spans}, load ${os.loadavg()[0].toFixed(1)})\n`,
    );
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
