/**
 * The gateway against a direct subgraph call and against Hive Gateway (not part of the test run):
 *   node tools/run.js tools/bench/gateway-bench.ts [--seconds 5] [--no-table] [--cpu-prof <dir>] [--only ours]
 * Starts its own PostgreSQL, every subgraph and our gateway each in its own process (as
 * `npm start` does), Hive Gateway 2.15 in its own process on the same supergraph (installed into
 * tmp/bench-peers, never a dependency), seeds a small district, then runs each query closed-loop
 * with 1 and 8 clients against the subgraph directly, Hive and ours, and rewrites the gateway
 * rows of docs/performance.md (unless --no-table). `--cpu-prof <dir>` runs our gateway under
 * `node --cpu-prof` and writes its profile into <dir> when it stops (open it in Chrome's DevTools).
 *
 * Fairness: both gateways verify the same user token with the same function and send the same
 * signed caller header (`signCallerHeader` of libs/auth) on every subgraph fetch; Hive verifies
 * and signs once per request (its plugin, tools/bench/hive-peer.ts), ours caches both as it does in
 * production. Both send identical subgraph reads in flight at the same moment once (Hive's HTTP
 * executor does by default). Ours also checks depth, aliases and cost; Hive runs without such
 * limits. Both are one Node process talking to the same subgraph processes; the direct figures send the subgraph
 * the same query with a signed header. The load generator shares the machine: on 2 cores every
 * figure is relative, and the load average is printed beside them.
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { CALLER_HEADER, Role, signCallerHeader } from '@partybuild/auth';
import { todayIn } from '@partybuild/calendar';
import { startEmbeddedPostgres } from '@partybuild/persistence';
import { freePort } from '../dev/concurrency';
import { launch } from '../dev/launch';
import { SERVICES } from '../dev/services';
import { newSecrets } from '../dev/stack';
import { mustQuery } from '../dev/graphql-client';
import { createDistrictTree, districtMembersCsv, importDistrictMembers } from '../generate/district';
import { LoadResult, LoadTarget, closedLoop } from './closed-loop';
import { hiveGateway, installHive } from './hive-peer';
import { PerformanceRow, measuredAt, writePerformanceRows } from './performance-table';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    'no-table': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    only: { type: 'string' },
  },
});
const SECONDS = Number(values.seconds);
/** Two Party committees of 30 branches, 10 members in each branch. */
const BRANCHES = 60;
const MEMBERS = 600;
const COMMAND = 'node tools/run.js tools/bench/gateway-bench.ts';

const ONE_SUBGRAPH = `query Organization($id: ID!) { organization(id: $id) { id code name kind status parent { id name } } }`;
const THREE_SUBGRAPHS = `query UnitAndMembers($id: ID!, $period: String!) {
  organization(id: $id) { name children(first: 10) { items { id name
    members(first: 10) { totalCount items { id name } }
    statistics(period: $period) { members { total } activities { held } } } } } }`;
const OVERVIEW = `query Overview($period: String!) { districtOverview(period: $period, kind: "BRANCH", sortBy: MEMBERS) {
  code name statistics { members { total newMembers } branches { total } activities { held attendanceRate complianceRate } dues { expectedFen collectedFen } } } }`;

interface Query {
  name: string;
  body: (i: number) => string;
  /** The one subgraph that answers it whole, for the direct figure. */
  subgraph?: string;
}

async function main() {
  const hiveVersion = installHive();
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'partybuild-gateway-bench-'));
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch, 'postgres'), port: await freePort(), persistent: false });
  const secrets = newSecrets();
  const servicePorts = Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s.name, await freePort()] as const)));
  const quiet = (line: string) => {
    if (/error|fail|exited/i.test(line)) process.stderr.write(`${line}\n`);
  };
  const launched = await launch({
    dataDir: scratch,
    postgresUrl: postgres.urlFor('postgres'),
    pgPort: 0,
    gatewayPort: await freePort(),
    servicePorts,
    host: '127.0.0.1',
    eventTransport: 'embedded',
    databasePrefix: 'bench_',
    secrets,
    logLevel: 'error',
    write: quiet,
  });
  const subgraphUrl = (name: string) => `http://127.0.0.1:${servicePorts[name]}/graphql`;
  const hivePort = await freePort();
  const hive = hiveGateway({
    supergraphPath: path.resolve(__dirname, '../../apps/gateway/supergraph.graphql'),
    subgraphUrls: Object.fromEntries(SERVICES.map((s) => [s.name, subgraphUrl(s.name)])),
    port: hivePort,
    secrets,
    write: quiet,
  });
  try {
    await hive.start();
    if (values['cpu-prof']) {
      // Started again under the profiler: the profile is written when the process exits.
      await launched.gateway.stop();
      launched.gateway.spec.args.unshift('--cpu-prof', '--cpu-prof-dir', path.resolve(values['cpu-prof']));
      await launched.gateway.start();
    }
    const token = launched.tokenFor({ subject: 'bench', name: 'Benchmark', roles: [Role.DISTRICT_ADMIN], scope: [] });
    const ours = launched.gatewayUrl;
    const period = todayIn('Asia/Shanghai').slice(0, 4);

    // The district's figures settled in statistics before anything is measured.
    const district = await createDistrictTree(ours, token, BRANCHES, 'GW');
    const nodes = 1 + district.committees.length + BRANCHES;
    await waitFor(
      'the tree in membership',
      () => count(postgres.urlFor('bench_membership'), `SELECT count(*)::int AS n FROM org_node`),
      nodes,
    );
    await importDistrictMembers(
      ours,
      token,
      districtMembersCsv(
        district.branches.map((b) => b.code),
        MEMBERS,
      ),
    );
    await waitFor(
      'the members in statistics',
      async () => {
        const data = await mustQuery(ours, token, OVERVIEW, { period });
        return (data.districtOverview as Array<{ statistics: { members: { total: number } } }>).reduce(
          (sum, u) => sum + u.statistics.members.total,
          0,
        );
      },
      MEMBERS,
    );
    const branchIds = district.branches.map((b) => b.id);
    // Each request asks about another branch or period: identical reads in flight at once (which
    // our gateway sends to the subgraph once) happen, but as rarely as with real users, not on every request.
    const periods = [
      period,
      ...['Q1', 'Q2', 'Q3', 'Q4'].map((q) => `${period}-${q}`),
      ...Array.from({ length: 12 }, (_, m) => `${period}-${String(m + 1).padStart(2, '0')}`),
    ];

    const json = (query: string, variables: Record<string, unknown>) => JSON.stringify({ query, variables });
    const queries: Query[] = [
      {
        name: 'one subgraph (organization)',
        body: (i) => json(ONE_SUBGRAPH, { id: branchIds[i % branchIds.length] }),
        subgraph: 'organization',
      },
      {
        name: 'three subgraphs (org → children → members, statistics)',
        body: (i) =>
          json(THREE_SUBGRAPHS, { id: district.committees[i % district.committees.length], period: periods[i % periods.length] }),
      },
      {
        name: `statistics overview (${BRANCHES} branches)`,
        body: (i) => json(OVERVIEW, { period: periods[i % periods.length] }),
        subgraph: 'statistics',
      },
    ];
    const mix: Query = { name: 'mix of the three', body: (i) => queries[i % queries.length].body(Math.floor(i / queries.length)) };

    const bearer = { authorization: `Bearer ${token}` };
    let signed = { value: '', at: 0 };
    // Signed again every 30 s: the header lives 60 s.
    const callerHeader = () => {
      if (Date.now() - signed.at > 30_000)
        signed = {
          value: signCallerHeader(
            { subject: 'bench', name: 'Benchmark', roles: [Role.DISTRICT_ADMIN], scope: [] },
            secrets.GATEWAY_SIGNING_SECRET,
          ),
          at: Date.now(),
        };
      return signed.value;
    };
    const targets = (query: Query): Array<[string, LoadTarget | null]> => [
      ['direct', query.subgraph ? { url: subgraphUrl(query.subgraph), headers: () => ({ [CALLER_HEADER]: callerHeader() }) } : null],
      [`Hive ${hiveVersion}`, { url: `http://127.0.0.1:${hivePort}/graphql`, headers: () => bearer }],
      ['ours', { url: ours, headers: () => bearer }],
    ];

    console.log(`\n${BRANCHES} branches, ${MEMBERS} members; ${SECONDS} s per run after 1 s of warm-up; ${measuredAt()}`);
    const results = new Map<string, LoadResult>();
    for (const query of [...queries, mix]) {
      for (const clients of [1, 8]) {
        console.log(`\n${query.name}, ${clients} client${clients > 1 ? 's' : ''}`);
        for (const [label, target] of targets(query)) {
          if (values.only && !label.toLowerCase().startsWith(values.only.toLowerCase())) continue;
          if (!target) {
            console.log(`  ${label.padEnd(12)} —  (several subgraphs: no single subgraph answers it)`);
            continue;
          }
          const result = await closedLoop(target, query.body, clients, SECONDS);
          results.set(`${query.name}|${clients}|${label.startsWith('Hive') ? 'hive' : label}`, result);
          console.log(
            `  ${label.padEnd(12)} ${result.throughput.toFixed(0).padStart(6)} req/s  p50 ${result.p50.toFixed(1).padStart(6)} ms  p95 ${result.p95.toFixed(1).padStart(6)} ms  (n=${result.requests}, load ${os.loadavg()[0].toFixed(2)})`,
          );
        }
      }
    }
    if (!values['no-table']) writePerformanceRows('gateway', tableRows(results, [...queries, mix], hiveVersion));
  } finally {
    await hive.stop();
    await launched.stop();
    await postgres.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Per query and client count: direct, Hive and ours, each as `req/s · p50 / p95 ms`. */
function tableRows(results: Map<string, LoadResult>, queries: Query[], hiveVersion: string): PerformanceRow[] {
  const cell = (r?: LoadResult) => (r ? `${r.throughput.toFixed(0)} req/s · ${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} ms` : '—');
  return queries.flatMap((query) =>
    [1, 8].map((clients) => {
      const at = (who: string) => results.get(`${query.name}|${clients}|${who}`);
      const [hive, ours] = [at('hive'), at('ours')];
      // The two targets: overhead over the direct subgraph at one client no more than
      // Hive's (same direct baseline, so the p50s compare), throughput at 8 clients on the mix at least Hive's.
      const target =
        !hive || !ours
          ? undefined
          : query.subgraph && clients === 1
            ? { text: "overhead over direct ≤ Hive's (p50)", met: ours.p50 <= hive.p50 }
            : query === queries[queries.length - 1] && clients === 8
              ? { text: "throughput ≥ Hive's", met: ours.throughput >= hive.throughput }
              : undefined;
      return {
        figure: `gateway: ${query.name}, ${clients} client${clients > 1 ? 's' : ''}`,
        value: `direct ${cell(at('direct'))}; Hive ${hiveVersion} ${cell(hive)}; **ours ${cell(ours)}**`,
        command: COMMAND,
        target,
      };
    }),
  );
}

async function count(url: string, sql: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>(sql)).rows[0].n;
  } finally {
    await client.end();
  }
}

async function waitFor(what: string, current: () => Promise<number>, target: number, timeoutMs = 180_000): Promise<void> {
  const started = Date.now();
  while ((await current()) < target) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} did not reach ${target} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
