import { Role } from '@partybuild/auth';
import { eventually } from '@partybuild/testing';
import { countEvents } from '../statistics/count-events';
import { STATISTICS_TOPICS } from '../statistics/rebuild';
import { reconcile } from '../statistics/reconcile';
import { settle } from '../statistics/settle';
import { ADMIN, TODAY, TestStack, createOrg, startTestStack } from './fixtures';
import { dataOf } from '../dev/graphql-client';
import { reachedAssessment, registerMembers } from './assessment-fixtures';

const FIGURES = `query($id: ID!) { organization(id: $id) { statistics(period: "2026") {
  assessment { year rated byStars { key count } byScore { key count } topTen byAppraisal { key count suppressed } pioneerMembers averagePioneerIndex modelPostsConfirmed }
  pairing { activePairs services servicesByType { key count } beneficiaries fundsYuan wishesPosted wishesClaimed wishesFulfilled
            householdsVisited problemsCollected problemsResolved problemsOverdue averageDaysToResolve } } } }`;

/** A one-indicator scheme scored by hand, so a round's final score is what the year-end score says. */
const SCHEME = {
  year: 2026,
  organizationKind: 'BRANCH',
  name: '2026年度党支部考核方案（统计）',
  indicators: [{ name: '年终考评', maxScore: 100, method: 'MANUAL' }],
};

describe('statistics of assessment and pairing, from their events through the gateway', () => {
  let stack: TestStack;
  const ids: Record<string, string> = {};
  let branchMembers: string[];
  let agencyMembers: string[];
  const admin = () => stack.as(ADMIN, 'zh-CN');
  const analyst = () => stack.as({ subject: 'analyst', name: '统计员', roles: [Role.ANALYST], scope: [ids.root] }, 'zh-CN');
  const ok = async (query: string, variables: Record<string, unknown> = {}, as = admin()) => dataOf(await as(query, variables));
  const figures = async (id: string, as = admin()) => (await ok(FIGURES, { id }, as)).organization.statistics;
  const sources = () => ({
    organization: stack.databaseUrl('organization'),
    membership: stack.databaseUrl('membership'),
    activity: stack.databaseUrl('activity'),
    assessment: stack.databaseUrl('assessment'),
    pairing: stack.databaseUrl('pairing'),
  });
  /** Every producer's outbox published and every event on every topic the statistics read applied. */
  const settled = () => {
    const { organization, membership, activity, assessment, pairing, statistics } = stack.services;
    return settle(
      [organization, membership, activity, assessment, pairing].map((s) => s.dataSource),
      statistics.dataSource,
      () => countEvents(STATISTICS_TOPICS, { kind: 'embedded', eventsUrl: stack.databaseUrl('events') }),
    );
  };

  /** Opens, moves to the year-end and closes a branch's round with the score given. */
  async function closeRound(schemeId: string, organizationId: string, points: number): Promise<void> {
    const round = (
      await ok(`mutation($input: OpenRoundInput!) { openAssessmentRound(input: $input) { id } }`, {
        input: { organizationId, schemeId, year: 2026 },
      })
    ).openAssessmentRound.id;
    for (let i = 0; i < 2; i += 1) await ok(`mutation($id: ID!) { advanceAssessmentRound(id: $id) { phase } }`, { id: round });
    await ok(`mutation($id: ID!, $input: ScoreIndicatorInput!) { scoreIndicator(roundId: $id, input: $input) { id } }`, {
      id: round,
      input: { indicatorCode: '1', points, evidence: '年终考评：听述职、查资料' },
    });
    await ok(`mutation($id: ID!) { closeAssessmentRound(id: $id) { phase } }`, { id: round });
  }

  beforeAll(async () => {
    stack = await startTestStack();
    ids.root = await createOrg(stack, { code: 'SA', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    ids.agency = await createOrg(stack, {
      code: 'SA-1',
      name: '区司法局党委',
      kind: 'PARTY_COMMITTEE',
      parentId: ids.root,
      departmentCategory: 'POLITICAL_LEGAL',
    });
    ids.b1 = await createOrg(stack, { code: 'SA-1-1', name: '司法局机关第一党支部', kind: 'BRANCH', parentId: ids.agency });
    ids.b2 = await createOrg(stack, { code: 'SA-1-2', name: '司法局机关第二党支部', kind: 'BRANCH', parentId: ids.agency });
    ids.town = await createOrg(stack, {
      code: 'SA-T',
      name: '某街道党工委',
      kind: 'PARTY_COMMITTEE',
      parentId: ids.root,
      sector: 'COMMUNITY',
    });
    ids.village = await createOrg(stack, {
      code: 'SA-T-1',
      name: '幸福社区党委',
      kind: 'PARTY_COMMITTEE',
      parentId: ids.town,
      sector: 'COMMUNITY',
    });
    await reachedAssessment(stack, 'org_node', Object.values(ids));
    branchMembers = await registerMembers(stack, ids.b1, 3);
    agencyMembers = await registerMembers(stack, ids.b2, 1, { seq: 20 });
    await reachedAssessment(stack, 'member', [...branchMembers, ...agencyMembers]);
    await eventually(
      async () => {
        const found = await stack.services.pairing.dataSource.query(`SELECT 1 FROM member WHERE id = ANY($1::uuid[])`, [agencyMembers]);
        const nodes = await stack.services.pairing.dataSource.query(`SELECT 1 FROM org_node WHERE id = ANY($1::uuid[])`, [
          Object.values(ids),
        ]);
        return found.length === 1 && nodes.length === Object.keys(ids).length ? true : undefined;
      },
      30_000,
      'the members and the tree to reach the pairing service',
    );
    await settled();
  }, 180_000);
  afterAll(() => stack?.stop());

  it('shows the stars of closed rounds rolled up the tree, the 十佳, appraisal grades and model posts', async () => {
    const before = await figures(ids.root);
    expect(before.assessment).toMatchObject({ year: 2026, rated: 0, topTen: 0, averagePioneerIndex: null });
    expect(before.assessment.byStars.map((c: { count: number }) => c.count)).toEqual([0, 0, 0, 0, 0]);

    await ok(`mutation($input: RecordAppraisalsInput!) { recordAppraisals(input: $input) { grade } }`, {
      input: {
        branchId: ids.b1,
        year: 2026,
        entries: [
          { memberId: branchMembers[0], grade: 'EXCELLENT' },
          { memberId: branchMembers[1], grade: 'QUALIFIED' },
          { memberId: branchMembers[2], grade: 'QUALIFIED' },
        ],
      },
    });
    const post = (
      await ok(`mutation($input: NominateModelPostInput!) { nominateModelPost(input: $input) { id } }`, {
        input: { branchId: ids.b1, memberId: branchMembers[0], year: 2026, title: '法律服务示范岗' },
      })
    ).nominateModelPost.id;
    await ok(`mutation($id: ID!) { decideModelPost(id: $id, confirm: true) { status } }`, { id: post });
    const schemeId = (await ok(`mutation($input: SchemeInput!) { createAssessmentScheme(input: $input) { id } }`, { input: SCHEME }))
      .createAssessmentScheme.id;
    await closeRound(schemeId, ids.b1, 96);
    await closeRound(schemeId, ids.b2, 80);
    await settled();

    const root = await figures(ids.root);
    expect(root.assessment).toMatchObject({
      rated: 2,
      // 96 is among the 十佳 (at least 90); 80 is not.
      topTen: 1,
      byStars: [
        { key: '1', count: 0 },
        { key: '2', count: 0 },
        { key: '3', count: 1 },
        { key: '4', count: 0 },
        { key: '5', count: 1 },
      ],
      byScore: [
        { key: '95-100', count: 1 },
        { key: '85-94', count: 0 },
        { key: '75-84', count: 1 },
        { key: '60-74', count: 0 },
        { key: '<60', count: 0 },
      ],
      byAppraisal: [
        { key: 'EXCELLENT', count: 1, suppressed: false },
        { key: 'QUALIFIED', count: 2, suppressed: false },
        { key: 'BASICALLY_QUALIFIED', count: 0, suppressed: false },
        { key: 'UNQUALIFIED', count: 0, suppressed: false },
      ],
      // The first branch's three members and the second's one, as of each close.
      pioneerMembers: 4,
      modelPostsConfirmed: 1,
    });
    expect(root.assessment.averagePioneerIndex).toEqual(expect.any(Number));
    expect((await figures(ids.agency)).assessment).toMatchObject({ rated: 2, topTen: 1 });
    expect((await figures(ids.b2)).assessment).toMatchObject({ rated: 1, topTen: 0, modelPostsConfirmed: 0 });
    expect((await figures(ids.town)).assessment).toMatchObject({ rated: 0, topTen: 0 });
    // Analysts see the stars whole (organisations) and the appraisal grades of fewer than three people withheld.
    const seen = (await figures(ids.root, analyst())).assessment;
    expect(seen.byStars).toEqual(root.assessment.byStars);
    expect(seen.byAppraisal.slice(0, 2)).toEqual([
      { key: 'EXCELLENT', count: null, suppressed: true },
      { key: 'QUALIFIED', count: null, suppressed: true },
    ]);
  });

  it('changes the pairing figures as services, micro-wishes, visits and problems are recorded', async () => {
    const before = (await figures(ids.root, analyst())).pairing;
    expect(before).toMatchObject({ activePairs: 0, services: 0, householdsVisited: 0, problemsCollected: 0 });

    const pairId = (
      await ok(`mutation($input: ProposePairInput!) { proposePair(input: $input) { id } }`, {
        input: { helperId: ids.agency, helpedId: ids.village },
      })
    ).proposePair.id;
    await ok(`mutation($id: ID!) { activatePair(id: $id, startsOn: "2026-01-01") { id } }`, { id: pairId });
    await ok(`mutation($input: RecordServiceInput!) { recordPairingService(input: $input) { id } }`, {
      input: {
        pairId,
        type: 'LEGAL',
        deliveredOn: '2026-11-10',
        beneficiaries: 120,
        funds: 3500.5,
        outcome: '法律咨询',
        memberIds: agencyMembers,
      },
    });
    const wish = (
      await ok(`mutation($input: PostWishInput!) { postMicroWish(input: $input) { id } }`, {
        input: { organizationId: ids.village, title: '一台助听器', residentName: '王秀英', residentContact: '13812345678' },
      })
    ).postMicroWish.id;
    await ok(`mutation($id: ID!, $m: ID!) { claimMicroWish(id: $id, memberId: $m) { status } }`, { id: wish, m: agencyMembers[0] });
    await ok(`mutation($id: ID!) { fulfilMicroWish(id: $id, evidence: "已送达") { status } }`, { id: wish });
    await ok(`mutation($org: ID!, $visits: [VisitInput!]!) { recordVisits(organizationId: $org, visits: $visits) { visits } }`, {
      org: ids.village,
      visits: [
        { household: '1栋101', visitedOn: '2026-11-01', visitorMemberIds: agencyMembers },
        {
          household: '1栋102',
          visitedOn: '2026-11-01',
          visitorMemberIds: agencyMembers,
          problem: { category: '基础设施', description: '楼道灯坏', assignee: 'SA-T-1', deadline: '2026-11-10' },
        },
        {
          household: '1栋103',
          visitedOn: '2026-11-02',
          visitorMemberIds: agencyMembers,
          problem: { category: 'DISPUTE', description: '邻里噪音纠纷', assignee: 'SA-T-1', deadline: '2026-11-20' },
        },
      ],
    });
    const open = (await ok(`query($a: ID!) { overdueProblems(assigneeId: $a) { items { id description } } }`, { a: ids.village }))
      .overdueProblems.items as Array<{ id: string; description: string }>;
    await ok(`mutation($id: ID!) { resolveProblem(id: $id, resolution: "已调解") { status } }`, {
      id: open.find((p) => p.description === '邻里噪音纠纷')!.id,
    });
    await settled();

    const expected = {
      activePairs: 1,
      services: 1,
      servicesByType: [{ key: 'LEGAL', count: 1 }],
      beneficiaries: 120,
      fundsYuan: 3500.5,
      wishesPosted: 1,
      wishesClaimed: 1,
      wishesFulfilled: 1,
      householdsVisited: 3,
      problemsCollected: 2,
      problemsResolved: 1,
      // The lamp was due on 11-10 and is still open on the 22nd.
      problemsOverdue: 1,
      averageDaysToResolve: 20,
    };
    expect((await figures(ids.root, analyst())).pairing).toEqual(expected);
    // The pair and its service count on both sides; the village's wishes, visits and problems only on its side.
    expect((await figures(ids.agency)).pairing).toMatchObject({ activePairs: 1, services: 1, wishesPosted: 0, householdsVisited: 0 });
    expect((await figures(ids.town)).pairing).toMatchObject({ activePairs: 1, services: 1, wishesPosted: 1, problemsOverdue: 1 });
    const csv = (await ok(`query($u: ID!) { statisticsCsv(period: "2026", under: $u, headers: CHINESE) }`, { u: ids.root })).statisticsCsv;
    expect(csv.split('\r\n')[0]).toContain('5星组织数');
    expect(csv.split('\r\n')[1]).toContain('3500.50');
    expect(csv).not.toMatch(/王秀英|13812345678|1栋10/);
  });

  it('reconciles with the assessment and pairing services, and reports a figure that disagrees', async () => {
    await settled();
    const clean = await reconcile(stack.services.statistics.dataSource.manager, sources(), '2026', TODAY);
    expect(clean.differences).toEqual([]);
    for (const period of ['2026-Q4', '2026-11']) {
      expect((await reconcile(stack.services.statistics.dataSource.manager, sources(), period, TODAY)).differences).toEqual([]);
    }
    const runner = stack.services.statistics.dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      // As if a rating and a resolution had been applied wrongly.
      await runner.query(`UPDATE stat_rating SET stars = 4 WHERE organization_id = $1`, [ids.b2]);
      await runner.query(`UPDATE stat_problem SET resolved_on = NULL, status = 'OPEN'`);
      const { differences } = await reconcile(runner.manager, sources(), '2026', TODAY);
      const found = new Set(differences.map((d) => `${d.organizationId === ids.root ? 'root' : 'other'} ${d.figure}`));
      expect([...found]).toEqual(
        expect.arrayContaining([
          'root assessment.byStars.3',
          'root assessment.byStars.4',
          'root pairing.problemsResolved',
          'root pairing.averageDaysToResolve',
        ]),
      );
      expect(differences.find((d) => d.organizationId === ids.root && d.figure === 'assessment.byStars.3')).toMatchObject({
        source: 1,
        statistics: 0,
      });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
