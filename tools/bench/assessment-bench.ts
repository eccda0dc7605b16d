/**
 * The assessment service's benchmark (not part of the test run):
 *   node tools/run.js tools/bench/assessment-bench.ts
 * Starts PostgreSQL and the whole stack, generates a district (600 branches, 30 000 members),
 * fills the assessment read models with a year of meetings and dues as the projections would,
 * opens a round with a 30-indicator scheme for every branch, then prints: scoring all 600 open
 * rounds (automatic indicators included), a page of 200 branches with live scores through the
 * gateway, closing every round, the district ranking, a member's pioneer index with its breakdown,
 * and how long a meeting recorded through the gateway takes to reach its attendees' pioneer index
 * and the branch's automatic indicators.
 */
import 'reflect-metadata';
import { CALLER_HEADER, Role, signCallerHeader } from '@partybuild/auth';
import { assessmentServices, scoreOpenRounds } from '@partybuild/app-assessment';
import { inParallel } from '../dev/concurrency';
import { graphql, mustQuery } from '../dev/graphql-client';
import { generateOrganizations, publishMembers } from '../generate/activities';
import { runBenchmark } from './bench-stack';
import { fmt, measure, percentiles } from './measure';

const TODAY = '2026-11-22';
const YEAR = 2026;
const SHAPE = { committees: 10, branchesPerCommittee: 60, membersPerBranch: 50, groupsEvery: 2 };
const FACTS = ['MEETING_COMPLIANCE', 'AVERAGE_ATTENDANCE', 'DUES_ON_TIME', 'DEVELOPMENT_ON_TIME', 'ELECTION_ON_TIME', 'PAIRING_SERVICES'];

/** Six areas of five leaves: automatic ones on every fact, counted arrears, manual and deductions — 30 leaves, 100 points. */
function benchScheme() {
  const areas = ['思想建设', '组织建设', '作风建设', '制度建设', '党建+业务融合', '党风廉政建设'];
  return {
    year: YEAR,
    organizationKind: 'BRANCH',
    name: `${YEAR}年度基准考核方案`,
    indicators: areas.map((name, a) => ({
      name,
      maxScore: a < 2 ? 20 : 15,
      children: Array.from({ length: 5 }, (_, i) => {
        const maxScore = a < 2 ? 4 : 3;
        const leaf = { name: `${name}${i + 1}`, maxScore };
        if (i === 4) return { ...leaf, method: a % 2 ? 'DEDUCTION' : 'MANUAL' };
        if (i === 3 && a === 1) return { ...leaf, method: 'AUTOMATIC', fact: 'MEMBERS_IN_ARREARS', deductionPerOccurrence: 1 };
        return { ...leaf, method: 'AUTOMATIC', fact: FACTS[(a * 4 + i) % FACTS.length] };
      }),
    })),
    vetoes: [{ fact: 'QUARTERS_WITHOUT_MEETINGS', comparison: 'GT', threshold: 0, label: '有季度未开展三会一课' }],
  };
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 600_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

runBenchmark({ today: () => TODAY }, async ({ stack }) => {
  const caller = { subject: 'bench', name: 'bench', roles: [Role.DISTRICT_ADMIN], scope: [] };
  const admin = stack.tokenFor(caller);
  const service = stack.services.assessment;
  const db = service.dataSource;
  const count = async (table: string) => (await db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  let started = Date.now();
  const district = await generateOrganizations(stack.gatewayUrl, admin, SHAPE);
  const members = await publishMembers(service.transport, district);
  await waitFor(
    'the assessment read models',
    async () => (await count('org_node')) >= district.organizations && (await count('member')) >= members,
  );
  // A year of facts as the projections write them: meetings with counted attendance, dues months and their points.
  await db.query(
    `INSERT INTO meeting_fact (activity_id, host_id, host_path, type, status, held_on, expected, attended, as_of)
       SELECT gen_random_uuid(), n.id, n.path, t.type, 'HELD', (d + (abs(hashtext(n.id::text || t.type || d::text)) % 25) * interval '1 day')::date,
              50, 35 + abs(hashtext(n.id::text || d::text)) % 16, now()
       FROM org_node n CROSS JOIN generate_series('2026-01-01'::date, '2026-10-01'::date, interval '1 month') AS d
       CROSS JOIN (VALUES ('THEMED_PARTY_DAY'), ('GENERAL_MEETING'), ('PARTY_LECTURE'), ('COMMITTEE_MEETING')) AS t(type)
       WHERE n.kind = 'BRANCH' AND (t.type IN ('THEMED_PARTY_DAY', 'COMMITTEE_MEETING') OR extract(month FROM d)::int % 3 = 2)
         AND abs(hashtext(n.id::text || t.type || d::text)) % 10 <> 0`,
  );
  await db.query(
    `INSERT INTO dues_fact (member_id, month, paid_on)
       SELECT m.id, to_char(d, 'YYYY-MM'), (d + (abs(hashtext(m.id::text || d::text)) % 40) * interval '1 day')::date
       FROM member m CROSS JOIN generate_series('2026-01-01'::date, '2026-10-01'::date, interval '1 month') AS d
       WHERE abs(hashtext(m.id::text || d::text)) % 20 <> 0`,
  );
  await db.query(
    `INSERT INTO pioneer_point (member_id, fact, source_id, month, points, detail)
       SELECT member_id, 'DUES_ON_TIME', month, month, 2, '按时交纳党费：' || month FROM dues_fact
       WHERE paid_on <= (to_date(month, 'YYYY-MM') + interval '1 month' - interval '1 day')::date`,
  );
  // The statistics autovacuum would gather within a minute of such a load; the measurements start at once.
  await db.query('ANALYZE');
  const scheme = (
    await mustQuery(stack.gatewayUrl, admin, `mutation($i: SchemeInput!) { createAssessmentScheme(input: $i) { id } }`, {
      i: benchScheme(),
    })
  ).createAssessmentScheme.id;
  const opened = Date.now();
  const rounds = await inParallel(
    district.branches,
    4,
    async (b) =>
      (
        await mustQuery(stack.gatewayUrl, admin, `mutation($i: OpenRoundInput!) { openAssessmentRound(input: $i) { id } }`, {
          i: { organizationId: b.id, schemeId: scheme, year: YEAR },
        })
      ).openAssessmentRound.id as string,
  );
  process.stdout.write(
    `generated ${district.branches.length} branches, ${members} members, ${await count('meeting_fact')} meetings, ${await count('dues_fact')} dues months ` +
      `in ${((Date.now() - started) / 1000).toFixed(0)}s; opened ${rounds.length} rounds in ${((Date.now() - opened) / 1000).toFixed(1)}s\n\n`,
  );

  // 1. Scoring every open round (30 indicators each, automatic facts computed set-based).
  const services = assessmentServices(
    db,
    () => undefined,
    () => TODAY,
    {},
  );
  const times: number[] = [];
  for (let i = 0; i < 6; i += 1) {
    started = Date.now();
    const views = await scoreOpenRounds(services, YEAR);
    if (views.length !== rounds.length || views[0].score.indicators.length !== 36) throw new Error('unexpected scoring result');
    if (i > 0) times.push(Date.now() - started);
  }
  const s = percentiles(times);
  process.stdout.write(
    `${'score all 600 open rounds × 30 indicators (in process)'.padEnd(62)} p50 ${fmt(s.p50)}  max ${fmt(Math.max(...times))}  (n=${s.n})\n`,
  );

  // 2. The same through the gateway: a page of 200 branches with their live scores.
  const PAGE = `query($r: ID!, $after: String) { organizationSubtree(id: $r, first: 200, after: $after, kinds: [BRANCH]) {
      items { name assessment(year: ${YEAR}) { finalScore vetoes } } pageInfo { endCursor } } }`;
  await measure('200 branches with live assessment (gateway)', 10, () => graphql(stack.gatewayUrl, admin, PAGE, { r: district.rootId }), 2);

  // 3. Closing every round, then the district ranking and the 十佳 list.
  const closeTimes = await inParallel(rounds, 4, async (id) => {
    const t = performance.now();
    await mustQuery(
      stack.gatewayUrl,
      admin,
      `mutation($id: ID!) { a: advanceAssessmentRound(id: $id) { id } b: advanceAssessmentRound(id: $id) { id } }`,
      { id },
    );
    await mustQuery(stack.gatewayUrl, admin, `mutation($id: ID!) { closeAssessmentRound(id: $id) { id } }`, { id });
    return performance.now() - t;
  });
  const c = percentiles(closeTimes);
  process.stdout.write(
    `${'advance twice and close one round (gateway, 4 in parallel)'.padEnd(62)} p50 ${fmt(c.p50)}  p95 ${fmt(c.p95)}  (n=${c.n})\n`,
  );
  await measure('district ranking, first 50 (gateway)', 50, () =>
    graphql(
      stack.gatewayUrl,
      admin,
      `{ assessmentRanking(year: ${YEAR}, first: 50) { totalCount items { organization { id } finalScore rank rankWithinParent stars } } }`,
    ),
  );
  await measure('十佳 list (gateway)', 50, () =>
    graphql(stack.gatewayUrl, admin, `{ topTenOrganizations(year: ${YEAR}) { organizationId finalScore stars } }`),
  );

  // 4. A member's pioneer index with its breakdown (the subgraph, as the gateway forwards a member's own request).
  const memberIds = district.branches.flatMap((b) => b.memberIds);
  const INDEX = `query($rep: [_Any!]!) { _entities(representations: $rep) { ... on Member {
      pioneerIndex(period: "${YEAR}") { total rankInBranch rankInCommittee breakdown { fact month points } } } } }`;
  await measure('a member’s pioneer index with breakdown (subgraph)', 100, async (i) => {
    const id = memberIds[(i * 7919) % memberIds.length];
    const response = await fetch(service.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [CALLER_HEADER]: signCallerHeader(
          { subject: `member-${id}`, name: '党员', roles: [Role.MEMBER], scope: [], memberId: id },
          stack.secrets.GATEWAY_SIGNING_SECRET,
        ),
      },
      body: JSON.stringify({ query: INDEX, variables: { rep: [{ __typename: 'Member', id }] } }),
    });
    const body = (await response.json()) as { errors?: unknown[] };
    return { sqlQueries: Number(response.headers.get('x-sql-queries') ?? 0), errors: body.errors };
  });

  // 5. A meeting recorded through the gateway: how long until its attendees' pioneer index and
  //    the branch's automatic indicators (computed live from meeting_fact) reflect it.
  await waitFor('the members to reach the activity service', async () => {
    const [{ n }] = await stack.services.activity.dataSource.query(`SELECT count(*)::int AS n FROM member`);
    return n >= members;
  });
  const RECORD = `mutation($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`;
  const lags: number[] = [];
  for (let i = 0; i < 100; i += 1) {
    const branch = district.branches[(i * 37) % district.branches.length];
    const attendees = branch.memberIds.slice(0, 40);
    const recorded = await mustQuery(stack.gatewayUrl, admin, RECORD, {
      input: {
        organizationId: branch.id,
        type: 'PARTY_LECTURE',
        record: { heldOn: '2026-11-20', topic: `基准党课 ${i}`, lecturer: { name: '讲师' } },
        attendance: { entries: attendees.map((memberId) => ({ memberId, status: 'PRESENT' })), othersAbsent: true },
      },
    });
    const committed = performance.now();
    const activityId = recorded.recordActivity.id as string;
    for (;;) {
      const [row] = await db.query(
        `SELECT (SELECT count(*)::int FROM pioneer_point WHERE fact = 'MEETING_ATTENDED' AND source_id = $1::text) AS credited,
                  (SELECT attended FROM meeting_fact WHERE activity_id = $1::uuid) AS attended`,
        [activityId],
      );
      if (row.credited === attendees.length && row.attended === attendees.length) break;
      if (performance.now() - committed > 30_000) throw new Error('the meeting did not reach assessment within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    lags.push(performance.now() - committed);
  }
  const l = percentiles(lags);
  process.stdout.write(
    `${'meeting recorded → attendees’ index and branch indicators'.padEnd(62)} p50 ${fmt(l.p50)}  p95 ${fmt(l.p95)}  p99 ${fmt(l.p99)}  (n=${l.n})\n`,
  );
});
