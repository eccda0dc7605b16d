/**
 * The pairing service's benchmark (not part of the test run):
 *   node tools/run.js tools/bench/pairing-bench.ts
 * Starts PostgreSQL and the whole stack, writes a district of 300 agency organisations and 600
 * villages/communities into the pairing service's copy of the tree (with profiles, capacities
 * and 10 000 members), then measures:
 *   1. the optimal suggestions for the whole district — the engine alone and through the gateway;
 *   2. 250 000 household visits imported as CSV parts through the gateway (10 000 problems among them);
 *   3. an assignee's overdue problem list through the gateway (p50/p95).
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { Role } from '@partybuild/auth';
import { PAIRING_RULES_HISTORY, suggestPairs } from '@partybuild/app-pairing';
import type { Helper, Needy } from '@partybuild/app-pairing';
import { graphql } from '../dev/graphql-client';
import { runBenchmark } from './bench-stack';
import { fmt, measure, percentiles, timeCalls } from './measure';

const TODAY = '2026-11-22';
const AGENCIES = 300;
const VILLAGES = 600;
const COMMUNITIES_VISITED = 212;
const VISITS = 250_000;
const ROWS_PER_PART = 5000;
const PROBLEM_EVERY = 25;
const CATEGORIES = ['POLITICAL_LEGAL', 'ECONOMIC', 'PARTY_AND_MASS', 'OTHER'];
const TYPES = ['DISORDERLY', 'POOR', 'WEAK_ORGANIZATION', 'ORDINARY'];

/** A small deterministic generator, so every run measures the same district. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

runBenchmark({ today: () => TODAY }, async ({ stack }) => {
  const token = stack.tokenFor({ subject: 'bench', name: 'bench', roles: [Role.DISTRICT_ADMIN], scope: [] });
  const db = stack.services.pairing.dataSource;
  const r = random(2026);

  // The district, written straight into the pairing service's read models (setup, not measured).
  const root = randomUUID();
  const agencies = Array.from({ length: AGENCIES }, (_, i) => ({
    id: randomUUID(),
    code: `A${String(i).padStart(4, '0')}`,
    category: CATEGORIES[Math.floor(r() * 4)],
    capacity: 1 + Math.floor(r() * 3),
  }));
  const villages = Array.from({ length: VILLAGES }, (_, i) => ({
    id: randomUUID(),
    code: `V${String(i).padStart(4, '0')}`,
    type: TYPES[Math.floor(r() * 4)],
  }));
  await db.query(
    `INSERT INTO org_node (id, parent_id, code, name, kind, sector, status, path) VALUES ($1, NULL, 'ROOT', '区委', 'WORKING_COMMITTEE', 'AGENCY', 'ACTIVE', ARRAY[$1::uuid])`,
    [root],
  );
  await db.query(
    `INSERT INTO org_node (id, parent_id, code, name, kind, sector, status, path)
       SELECT u.id, $1, u.code, u.code || '党委', 'PARTY_COMMITTEE', u.sector, 'ACTIVE', ARRAY[$1::uuid, u.id]
       FROM unnest($2::uuid[], $3::text[], $4::text[]) AS u(id, code, sector)`,
    [
      root,
      [...agencies.map((a) => a.id), ...villages.map((v) => v.id)],
      [...agencies.map((a) => a.code), ...villages.map((v) => v.code)],
      [...agencies.map(() => 'AGENCY'), ...villages.map((_, i) => (i % 3 === 0 ? 'COMMUNITY' : 'RURAL'))],
    ],
  );
  await db.query(`INSERT INTO org_category SELECT * FROM unnest($1::uuid[], $2::text[])`, [
    agencies.map((a) => a.id),
    agencies.map((a) => a.category),
  ]);
  await db.query(
    `INSERT INTO agency_capacity (organization_id, capacity, set_by) SELECT u.id, u.c, 'bench' FROM unnest($1::uuid[], $2::int[]) AS u(id, c)`,
    [agencies.map((a) => a.id), agencies.map((a) => a.capacity)],
  );
  await db.query(
    `INSERT INTO village_profile (organization_id, village_type, set_by) SELECT u.id, u.t, 'bench' FROM unnest($1::uuid[], $2::text[]) AS u(id, t)`,
    [villages.map((v) => v.id), villages.map((v) => v.type)],
  );
  const members = Array.from({ length: 10_000 }, (_, i) => ({
    id: randomUUID(),
    org: i < 5000 ? agencies[i % AGENCIES].id : villages[i % VILLAGES].id,
  }));
  await db.query(
    `INSERT INTO member (id, organization_id, status, as_of) SELECT u.id, u.o, 'ACTIVE', now() FROM unnest($1::uuid[], $2::uuid[]) AS u(id, o)`,
    [members.map((m) => m.id), members.map((m) => m.org)],
  );
  const needing = villages.filter((v) => v.type !== 'ORDINARY').length;
  const capacity = agencies.reduce((sum, a) => sum + a.capacity, 0);
  const load = () =>
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${os.cpus().length} cores`;
  process.stdout.write(`${load()}\n`);
  process.stdout.write(
    `district: ${AGENCIES} agencies (total capacity ${capacity}), ${VILLAGES} villages (${needing} needing a partner), ${members.length} members\n\n`,
  );

  // 1. Suggestions.
  const helpers: Helper[] = agencies.map((a) => ({ id: a.id, name: a.code, category: a.category, remaining: a.capacity }));
  const needy: Needy[] = villages.filter((v) => v.type !== 'ORDINARY').map((v) => ({ id: v.id, name: v.code, villageType: v.type }));
  const engine = await timeCalls(10, async () => suggestPairs(helpers, needy, PAIRING_RULES_HISTORY[0].matching));
  const result = suggestPairs(helpers, needy, PAIRING_RULES_HISTORY[0].matching);
  const SUGGEST = `{ pairingSuggestions { needing totalScore computedInMs suggestions { helper { id } helped { id } } } }`;
  let last: any = null;
  const gateway = await timeCalls(10, async () => {
    const res = await graphql(stack.gatewayUrl, token, SUGGEST);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    last = res.data.pairingSuggestions;
  });
  const e = percentiles(engine);
  const g = percentiles(gateway);
  process.stdout.write(
    `suggestions ${AGENCIES}×${VILLAGES}: ${result.suggestions.length} pairs, score ${result.totalScore}, ${result.uncovered.length} uncovered\n` +
      `  engine alone            p50 ${fmt(e.p50)}  max ${fmt(Math.max(...engine))}  (n=${e.n})\n` +
      `  through the gateway     p50 ${fmt(g.p50)}  max ${fmt(Math.max(...gateway))}  (n=${g.n}; service reports ${last.computedInMs} ms; ${last.suggestions.length} pairs)\n\n`,
  );

  // 2. Visits: a team's day per CSV part, 212 communities in turn, one problem every 25 rows.
  const visitors = members.slice(0, 5000).map((m) => m.id);
  const parts = Math.ceil(VISITS / ROWS_PER_PART);
  const header = 'household,visitedOn,visitors,note,problemCategory,problemDescription,assignee,deadline\n';
  const IMPORT = `mutation($org: ID!, $csv: String!) { importVisitsCsv(organizationId: $org, csv: $csv) { visits problems } }`;
  let visits = 0;
  let problems = 0;
  const started = performance.now();
  for (let p = 0; p < parts; p++) {
    const village = villages[p % COMMUNITIES_VISITED];
    const day = `2026-${String(1 + (p % 10)).padStart(2, '0')}-${String(1 + (p % 28)).padStart(2, '0')}`;
    const lines: string[] = [];
    for (let i = 0; i < ROWS_PER_PART && visits + lines.length < VISITS; i++) {
      const row = p * ROWS_PER_PART + i;
      const problem = row % PROBLEM_EVERY === 0 ? `基础设施,道路破损第${row}处,${villages[row % COMMUNITIES_VISITED].code},` : ',,,';
      lines.push(`${i}号,${day},${visitors[row % visitors.length]},,${problem}`);
    }
    const res = await graphql(stack.gatewayUrl, token, IMPORT, { org: village.id, csv: header + lines.join('\n') });
    if (res.errors) throw new Error(JSON.stringify(res.errors).slice(0, 500));
    visits += res.data.importVisitsCsv.visits;
    problems += res.data.importVisitsCsv.problems;
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${load()}\nvisits: ${visits} imported in ${parts} CSV parts of ${ROWS_PER_PART} rows, ${problems} problems, in ${seconds.toFixed(1)} s (${Math.round(visits / seconds)} visits/s)\n\n`,
  );

  // 3. Overdue lists of assignees (about 47 problems each, most of them overdue on TODAY), beside a
  //    baseline of the same gateway and subgraph answering an empty query.
  const OVERDUE = `query($a: ID!) { overdueProblems(assigneeId: $a, first: 50) { totalCount items { id deadline daysOverdue } } }`;
  // Let the outbox relay finish publishing the import's events before timing reads.
  await stack.services.pairing.relay.flush();
  process.stdout.write(`${load()}\n`);
  // The tree is written into pairing's read models only: the baseline is a pairing query of one empty statement.
  const BASELINE = `{ branchPairSuggestions(year: 2000) { score } }`;
  await measure('baseline: one empty pairing query (gateway + pairing)', 400, () => graphql(stack.gatewayUrl, token, BASELINE));
  let total = 0;
  await measure(`an assignee's overdue list (${problems} problems in all)`, 400, async (i) => {
    const res = await graphql(stack.gatewayUrl, token, OVERDUE, { a: villages[(i * 7) % COMMUNITIES_VISITED].id });
    total += res.data?.overdueProblems.totalCount ?? 0;
    return res;
  });
  process.stdout.write(`  ~${Math.round(total / 410)} overdue per assignee\n${load()}\n`);
});
