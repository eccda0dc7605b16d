/**
 * The activity service's benchmark (not part of the test run):
 *   node tools/run.js tools/bench/activity-bench.ts
 * Starts PostgreSQL and the whole stack, generates a district (600 branches, 30 000 members,
 * two years of activities with attendance), then measures the live paths through the gateway
 * and prints p50/p95 and the SQL statements per request.
 */
import 'reflect-metadata';
import { measure } from './measure';
import { runBenchmark } from './bench-stack';
import { writePerformanceRows } from './performance-table';
import { graphql } from '../dev/graphql-client';
import { generateActivityHistory, generateOrganizations, publishMembers } from '../generate/activities';

const TODAY = '2026-11-22';
const SHAPE = { committees: 10, branchesPerCommittee: 60, membersPerBranch: 50, groupsEvery: 2 };

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

runBenchmark({ today: () => TODAY }, async ({ stack, adminToken: admin }) => {
  const db = stack.services.activity.dataSource;
  const count = async (table: string) => (await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  let started = Date.now();
  const district = await generateOrganizations(stack.gatewayUrl, admin, SHAPE);
  const members = await publishMembers(stack.services.activity.transport, district);
  await waitFor(
    'the activity read models',
    async () => (await count('org_node')) >= district.organizations && (await count('member')) >= members,
  );
  const history = await generateActivityHistory(db, '2025-01-01', '2026-10-01');
  process.stdout.write(
    `generated ${district.organizations} organisations (${district.branches.length} branches), ${members} members, ` +
      `${history.activities} activities, ${history.attendance} attendance rows in ${((Date.now() - started) / 1000).toFixed(0)}s\n\n`,
  );

  const branches = district.branches;
  const RECORD = `mutation($input: RecordActivityInput!) { recordActivity(input: $input) { id attendanceCounts { expected present rate } } }`;
  await measure('record a 50-member meeting with its attendance (1 request)', 100, (i) => {
    const branch = branches[(i * 7) % branches.length];
    const entries = branch.memberIds.map((memberId, k) => ({
      memberId,
      status: k % 10 === 0 ? 'EXCUSED' : k % 13 === 0 ? 'LATE' : 'PRESENT',
    }));
    return graphql(stack.gatewayUrl, admin, RECORD, {
      input: {
        organizationId: branch.id,
        type: 'THEMED_PARTY_DAY',
        record: { heldOn: '2026-11-10', topic: `11月主题党日 ${i}` },
        attendance: { entries },
      },
    });
  });

  const ATTEND = `mutation($id: ID!, $a: AttendanceInput!) { recordAttendance(activityId: $id, attendance: $a) { attendanceCounts { expected present } } }`;
  const held: string[] = [];
  for (let i = 0; i < 55; i++) {
    const branch = branches[(i * 11 + 3) % branches.length];
    const result = await graphql(stack.gatewayUrl, admin, RECORD, {
      input: { organizationId: branch.id, type: 'GENERAL_MEETING', record: { heldOn: '2026-11-12', topic: `党员大会 ${i}` } },
    });
    held.push(result.data.recordActivity.id);
  }
  await measure(
    'recordAttendance of a held 50-member meeting (1 request)',
    50,
    (i) => {
      const branch = branches[(i * 11 + 3) % branches.length];
      return graphql(stack.gatewayUrl, admin, ATTEND, {
        id: held[i],
        a: { entries: branch.memberIds.map((memberId) => ({ memberId, status: 'PRESENT' })) },
      });
    },
    5,
  );

  const REPORT = `query($root: ID!) { complianceReport(under: $root, period: "2026", first: 200, onlyWithGaps: false) {
      summary { organizations withoutGaps satisfiedSlots missingSlots dueSlots rate }
      organizations { totalCount items { organizationId missingSlots rate } } } }`;
  await measure(`compliance of every branch for 2026 (${branches.length} branches + committees)`, 20, () =>
    graphql(stack.gatewayUrl, admin, REPORT, { root: district.rootId }),
  );
  const SUBTREE = `query($root: ID!) { organization(id: $root) { compliance(period: "2026") { subtree { organizations rate missingSlots } } } }`;
  await measure('Organization.compliance(2026) of the district root', 20, () =>
    graphql(stack.gatewayUrl, admin, SUBTREE, { root: district.rootId }),
  );

  const NAME = `query($id: ID!) { organization(id: $id) { name } }`;
  await measure('baseline: organization name only (gateway + 1 subgraph)', 200, (i) =>
    graphql(stack.gatewayUrl, admin, NAME, { id: branches[(i * 13) % branches.length].id }),
  );
  const LIST = `query($id: ID!) { organization(id: $id) { name activities(first: 20) { totalCount items { id type topic heldOn attendanceCounts { expected present rate } } } } }`;
  const firstPage = await measure("an organisation's activity list, first page (20)", 200, (i) =>
    graphql(stack.gatewayUrl, admin, LIST, { id: branches[(i * 13) % branches.length].id }),
  );
  const DIRECT = `query($id: ID!) { organizationActivities(organizationId: $id, first: 20) { totalCount items { id type topic heldOn attendanceCounts { expected present rate } } } }`;
  await measure('the same first page through Query.organizationActivities', 200, (i) =>
    graphql(stack.gatewayUrl, admin, DIRECT, { id: branches[(i * 13) % branches.length].id }),
  );
  const MEMBER = `query($id: ID!) { activity(id: $id) { attendance { status member { id attendanceRate(period: "2026") } } } }`;
  const someActivity = (await db.query(`SELECT id FROM activity WHERE type = 'THEMED_PARTY_DAY' AND recorded_by = 'generator' LIMIT 1`))[0]
    .id;
  await measure('50 members’ attendance rates for a year (1 request)', 50, () =>
    graphql(stack.gatewayUrl, admin, MEMBER, { id: someActivity }),
  );
  writePerformanceRows('activity', [
    {
      figure: '`Organization.activities(first: 20)` first page of a branch',
      value: `p50 ${firstPage.p50.toFixed(1)} ms, p95 ${firstPage.p95.toFixed(1)} ms`,
      command: 'node tools/run.js tools/bench/activity-bench.ts',
      target: { text: 'p95 < 20 ms', met: firstPage.p95 < 20 },
    },
  ]);
});
