import { Role } from '@partybuild/auth';
import { eventually } from '@partybuild/testing';
import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';
import { branchScheme, holdMeeting, reachedAssessment, registerMembers } from './assessment-fixtures';

const CREATE_SCHEME = `mutation($input: SchemeInput!, $key: String) { createAssessmentScheme(input: $input, idempotencyKey: $key) { id inUse indicators { code } } }`;
const OPEN = `mutation($input: OpenRoundInput!) { openAssessmentRound(input: $input) { id phase } }`;
const ADVANCE = `mutation($id: ID!) { advanceAssessmentRound(id: $id) { phase } }`;
const SCORE = `mutation($id: ID!, $input: ScoreIndicatorInput!) { scoreIndicator(roundId: $id, input: $input) { id } }`;
const DEDUCT = `mutation($id: ID!, $input: DeductionInput!) { recordDeduction(roundId: $id, input: $input) { id } }`;
const CLOSE = `mutation($id: ID!) { closeAssessmentRound(id: $id) { phase finalScore grade stars vetoed vetoes rank } }`;
const VIEW = `query($org: ID!) { organization(id: $org) { name assessment(year: 2026) {
  phase finalScore grade stars rank judgedOn
  indicators { code score noData factValue }
  facts { fact value }
} } }`;

describe('assessment rounds scored from the facts of the other services', () => {
  let stack: TestStack;
  let root: string;
  let branch: string;
  let quiet: string;
  let members: string[];
  let schemeId: string;
  const admin = () => stack.as(ADMIN, 'zh-CN');
  const view = async (org: string) => {
    const result = await admin()(VIEW, { org });
    expect(result.errors).toBeUndefined();
    const a = result.data.organization.assessment;
    return {
      ...a,
      score: Object.fromEntries(a.indicators.map((i: any) => [i.code, i.score])),
      fact: Object.fromEntries(a.facts.map((f: any) => [f.fact, f.value])),
    };
  };

  beforeAll(async () => {
    stack = await startTestStack();
    root = await createOrg(stack, { code: 'R', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    branch = await createOrg(stack, { code: 'R-1', name: '交通局机关党支部', kind: 'BRANCH', parentId: root });
    quiet = await createOrg(stack, { code: 'R-2', name: '档案局机关党支部', kind: 'BRANCH', parentId: root });
    await reachedAssessment(stack, 'org_node', [root, branch, quiet]);
    members = await registerMembers(stack, branch, 3);
    await reachedAssessment(stack, 'member', members);
    for (const day of ['2026-02-10', '2026-05-12', '2026-08-11']) await holdMeeting(stack, branch, 'GENERAL_MEETING', day, members);
    await holdMeeting(stack, branch, 'PARTY_LECTURE', '2026-03-05', members);
  }, 120_000);
  afterAll(() => stack?.stop());

  it('refuses a scheme whose maxima do not add up, naming the node, and a veto on an unknown fact; nothing is written', async () => {
    const bad = branchScheme(2026);
    bad.indicators[0].children![0].maxScore = 25;
    const refused = await admin()(CREATE_SCHEME, { input: bad });
    expect(codeOf(refused)).toBe('WEIGHTS_DO_NOT_ADD_UP');
    expect(refused.errors?.[0].message).toBe('指标“组织建设”满分 60 分，但其下级指标分值合计 55 分，二者必须相等。');
    const veto = branchScheme(2026);
    veto.vetoes[0].fact = 'APP_LOGINS';
    expect(codeOf(await admin()(CREATE_SCHEME, { input: veto }))).toBe('UNKNOWN_FACT');
    const cadre = stack.as({ subject: 'c', name: '支部书记', roles: [Role.PARTY_CADRE], scope: [branch] }, 'zh-CN');
    expect(codeOf(await cadre(CREATE_SCHEME, { input: branchScheme(2026) }))).toBe('FORBIDDEN');
    const { data } = await admin()(`{ assessmentSchemes(year: 2026) { id } }`);
    expect(data.assessmentSchemes).toEqual([]);
  });

  it('creates a scheme once per idempotency key', async () => {
    const first = await admin()(CREATE_SCHEME, { input: branchScheme(2026), key: 'scheme-2026' });
    const again = await admin()(CREATE_SCHEME, { input: branchScheme(2026), key: 'scheme-2026' });
    expect(first.errors).toBeUndefined();
    expect(again.data.createAssessmentScheme.id).toBe(first.data.createAssessmentScheme.id);
    schemeId = first.data.createAssessmentScheme.id;
    expect(first.data.createAssessmentScheme.indicators.map((i: { code: string }) => i.code)).toEqual(['1', '1.1', '1.2', '1.3', '2', '3']);
  });

  it('refuses a round for a dissolved organisation and one outside the caller’s scope', async () => {
    const temp = await createOrg(stack, {
      code: 'R-T',
      name: '防汛临时党支部',
      kind: 'TEMPORARY_ORGANIZATION',
      parentId: root,
      endsOn: '2027-01-31',
    });
    await admin()(`mutation($id: ID!) { dissolveOrganization(id: $id) { id } }`, { id: temp });
    await eventually(
      async () =>
        (await stack.services.assessment.dataSource.query(`SELECT 1 FROM org_node WHERE id = $1 AND status = 'DISSOLVED'`, [temp])).length
          ? true
          : undefined,
      15_000,
      'the dissolution to reach assessment',
    );
    const dissolved = await admin()(OPEN, { input: { organizationId: temp, schemeId, year: 2026 } });
    expect(codeOf(dissolved)).toBe('ORGANIZATION_DISSOLVED');
    expect(dissolved.errors?.[0].message).toContain('防汛临时党支部已撤销');
    const other = stack.as({ subject: 'c2', name: '档案局书记', roles: [Role.PARTY_CADRE], scope: [quiet] }, 'zh-CN');
    expect(codeOf(await other(OPEN, { input: { organizationId: branch, schemeId, year: 2026 } }))).toBe('FORBIDDEN');
  });

  it('follows the facts while open: automatic indicators move when a meeting is recorded; pairing shows no data', async () => {
    const opened = await admin()(OPEN, { input: { organizationId: branch, schemeId, year: 2026 } });
    expect(opened.data.openAssessmentRound.phase).toBe('SELF_ASSESSMENT');
    const before = await view(branch);
    // Jan–Oct ended: general meetings 3/3 quarters, lectures 1/3, themed days 0/10 → 4/16.
    expect(before.fact).toMatchObject({
      // Members registered today owe dues from next month on: nothing is owed yet, so no data.
      DUES_ON_TIME: null,
      MEMBERS_IN_ARREARS: null,
      MEETING_COMPLIANCE: 0.25,
      AVERAGE_ATTENDANCE: 1,
      QUARTERS_WITHOUT_MEETINGS: 0,
      PAIRING_SERVICES: null,
    });
    expect(before.score).toMatchObject({ '1.1': 7.5, '1.2': 10, '1.3': 20, '3': null });
    expect(before.indicators.find((i: any) => i.code === '3').noData).toBe(true);
    await holdMeeting(stack, branch, 'THEMED_PARTY_DAY', '2026-11-05', members);
    const after = await eventually(
      async () => {
        const v = await view(branch);
        return v.fact.MEETING_COMPLIANCE > 0.25 ? v : undefined;
      },
      10_000,
      'the meeting to reach the branch’s automatic indicators',
    );
    expect(after.fact.MEETING_COMPLIANCE).toBe(0.2941);
    expect(after.score['1.1']).toBe(8.82);
  });

  it('scores each indicator in its phase, within its maximum, and closes with a frozen snapshot, grade and stars', async () => {
    const round = (await admin()(`query($org: ID!) { organization(id: $org) { assessment(year: 2026) { id } } }`, { org: branch })).data
      .organization.assessment.id;
    const over = await admin()(SCORE, { id: round, input: { indicatorCode: '2', points: 31, evidence: '学习记录' } });
    expect(codeOf(over)).toBe('SCORE_OUT_OF_RANGE');
    expect(over.errors?.[0].message).toBe('指标“思想建设”的得分须在 0 至 30 分之间，填写的是 31 分。');
    expect(codeOf(await admin()(SCORE, { id: round, input: { indicatorCode: '2', points: -1, evidence: '学习记录' } }))).toBe(
      'SCORE_OUT_OF_RANGE',
    );
    expect(codeOf(await admin()(SCORE, { id: round, input: { indicatorCode: '1.1', points: 1, evidence: 'x' } }))).toBe(
      'AUTOMATIC_INDICATOR',
    );
    expect(
      (await admin()(SCORE, { id: round, input: { indicatorCode: '2', points: 28, evidence: '学习记录齐全' } })).errors,
    ).toBeUndefined();
    const early = await admin()(DEDUCT, { id: round, input: { indicatorCode: '1.3', points: 3, reason: '会议记录不全' } });
    expect(codeOf(early)).toBe('WRONG_PHASE');
    expect(early.errors?.[0].message).toBe('指标“平时抽查”只能在“平时抽查”阶段评分，当前为“单位自查”阶段。');
    expect(codeOf(await admin()(CLOSE, { id: round }))).toBe('NOT_AT_YEAR_END');

    expect((await admin()(ADVANCE, { id: round })).data.advanceAssessmentRound.phase).toBe('SPOT_CHECK');
    expect(
      (await admin()(DEDUCT, { id: round, input: { indicatorCode: '1.3', points: 3, reason: '会议记录不全', occurredOn: '2026-06-01' } }))
        .errors,
    ).toBeUndefined();
    const tooMuch = await admin()(DEDUCT, { id: round, input: { indicatorCode: '1.3', points: 18, reason: '再次抽查' } });
    expect(codeOf(tooMuch)).toBe('DEDUCTION_OUT_OF_RANGE');
    expect(tooMuch.errors?.[0].extensions?.remaining).toBe(17);
    expect(codeOf(await admin()(SCORE, { id: round, input: { indicatorCode: '2', points: 20, evidence: 'x' } }))).toBe('WRONG_PHASE');
    await admin()(ADVANCE, { id: round });
    expect(
      (await admin()(SCORE, { id: round, input: { indicatorCode: '2', points: 27, evidence: '年终考评：听述职、查资料' } })).errors,
    ).toBeUndefined();

    const closed = await admin()(CLOSE, { id: round });
    expect(closed.errors).toBeUndefined();
    // 8.82 + 10 + 17 + 27 = 62.82 of the 90 points with data → 69.8.
    expect(closed.data.closeAssessmentRound).toEqual({
      phase: 'CLOSED',
      finalScore: 69.8,
      grade: 'FAIR',
      stars: 2,
      vetoed: false,
      vetoes: [],
      rank: 1,
    });
    const history = await admin()(`query($id: ID!) { assessmentRound(id: $id) { entries { indicatorCode phase kind points scoredBy } } }`, {
      id: round,
    });
    expect(history.data.assessmentRound.entries).toEqual([
      { indicatorCode: '2', phase: 'SELF_ASSESSMENT', kind: 'SCORE', points: 28, scoredBy: 'admin' },
      { indicatorCode: '1.3', phase: 'SPOT_CHECK', kind: 'DEDUCTION', points: 3, scoredBy: 'admin' },
      { indicatorCode: '2', phase: 'YEAR_END', kind: 'SCORE', points: 27, scoredBy: 'admin' },
    ]);

    // A closed result never drifts, and it can no longer be scored.
    const activity = await holdMeeting(stack, branch, 'THEMED_PARTY_DAY', '2026-10-20', members);
    await eventually(
      async () =>
        (await stack.services.assessment.dataSource.query(`SELECT 1 FROM meeting_fact WHERE activity_id = $1`, [activity])).length
          ? true
          : undefined,
      10_000,
      'the meeting to reach assessment',
    );
    const frozen = await view(branch);
    expect(frozen).toMatchObject({ phase: 'CLOSED', finalScore: 69.8, judgedOn: '2026-11-22', stars: 2 });
    expect(frozen.fact.MEETING_COMPLIANCE).toBe(0.2941);
    const late = await admin()(SCORE, { id: round, input: { indicatorCode: '2', points: 30, evidence: '补充' } });
    expect(codeOf(late)).toBe('ROUND_CLOSED');
    expect(
      codeOf(
        await admin()(`mutation($id: ID!, $input: SchemeInput!) { updateAssessmentScheme(id: $id, input: $input) { id } }`, {
          id: schemeId,
          input: branchScheme(2026),
        }),
      ),
    ).toBe('SCHEME_IN_USE');
    const copy = await admin()(`mutation($id: ID!) { copyAssessmentScheme(id: $id, year: 2027) { year name inUse copiedFrom } }`, {
      id: schemeId,
    });
    expect(copy.errors).toBeUndefined();
    expect(copy.data.copyAssessmentScheme).toEqual({ year: 2027, name: '2027年度党支部考核方案', inUse: false, copiedFrom: schemeId });
  });

  it('vetoes a branch with a quarter without 三会一课, ranks the year and publishes the stars', async () => {
    const opened = await admin()(OPEN, { input: { organizationId: quiet, schemeId, year: 2026 } });
    const id = opened.data.openAssessmentRound.id;
    await admin()(ADVANCE, { id });
    await admin()(ADVANCE, { id });
    await admin()(SCORE, { id, input: { indicatorCode: '2', points: 30, evidence: '年终考评' } });
    const closed = await admin()(CLOSE, { id });
    expect(closed.data.closeAssessmentRound).toMatchObject({
      vetoed: true,
      vetoes: ['有季度未开展三会一课'],
      grade: 'FAIR',
      stars: 2,
      rank: 2,
    });
    const ranking = await admin()(
      `{ assessmentRanking(year: 2026) { totalCount items { organization { name } finalScore rank rankWithinParent stars } } }`,
    );
    expect(ranking.errors).toBeUndefined();
    expect(ranking.data.assessmentRanking.items.map((r: any) => [r.organization.name, r.rank, r.rankWithinParent])).toEqual([
      ['交通局机关党支部', 1, 1],
      ['档案局机关党支部', 2, 2],
    ]);
    // Neither reaches the 十佳 minimum of 90 points.
    expect((await admin()(`{ topTenOrganizations(year: 2026) { id } }`)).data.topTenOrganizations).toEqual([]);
    const stars = await eventually(
      async () => {
        const events = (await stack.eventLog()).map((e) => JSON.parse(e.value)).filter((e) => e.type === 'assessment.stars-rated');
        return events.length === 2 ? events : undefined;
      },
      10_000,
      'the star ratings to be published',
    );
    expect(stars.map((e) => [e.data.organizationId, e.data.stars])).toEqual([
      [branch, 2],
      [quiet, 2],
    ]);
    const outsider = stack.as({ subject: 'c3', name: '档案局书记', roles: [Role.PARTY_CADRE], scope: [quiet] }, 'zh-CN');
    const refused = await outsider(`query($b: ID!) { assessmentRanking(year: 2026, under: $b) { totalCount } }`, { b: branch });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', operation: 'assessment.scores', reason: 'OUT_OF_SCOPE' });
    const own = await outsider(`{ assessmentRanking(year: 2026) { items { organization { id } } } }`);
    expect(own.data.assessmentRanking.items).toEqual([{ organization: { id: quiet } }]);
  });
});
