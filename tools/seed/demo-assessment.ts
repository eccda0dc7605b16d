import { graphql, mustQuery } from '../dev/graphql-client';

/**
 * The demo district's assessment, recorded through the gateway like everything else: last
 * year's meetings, a closed round for every branch (stars, ranking, 十佳, one veto), and this
 * year's meetings and open rounds whose automatic indicators follow them, with one branch's
 * appraisal and model post. Runs after the demo
 * district is seeded; meetings go through the activity service, so every fact is a real event.
 */

/** How diligent each demo branch was: which of 三会一课 it held, the spot-check deduction, the year-end manual score. */
interface Profile {
  code: string;
  /** Months (1–12) with a themed Party day. */
  themedMonths: number[];
  /** Quarters (1–4) with a general meeting and a Party lecture. */
  quarters: number[];
  deduction: number;
  manual: number;
}

const ALL_MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
const PROFILES: Profile[] = [
  { code: 'HC-JT-01', themedMonths: ALL_MONTHS, quarters: [1, 2, 3, 4], deduction: 0, manual: 30 },
  { code: 'HC-ZF-01', themedMonths: ALL_MONTHS, quarters: [1, 2, 3, 4], deduction: 1, manual: 29 },
  { code: 'HC-QT-DZ', themedMonths: ALL_MONTHS, quarters: [1, 2, 3, 4], deduction: 0, manual: 27 },
  { code: 'HC-JT-YG-01', themedMonths: [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 12], quarters: [1, 2, 3, 4], deduction: 2, manual: 27 },
  { code: 'HC-ZF-02', themedMonths: [1, 3, 4, 6, 7, 9, 10, 12], quarters: [1, 2, 3, 4], deduction: 3, manual: 26 },
  { code: 'HC-QT-HL', themedMonths: [2, 5, 8, 11], quarters: [1, 2, 3, 4], deduction: 5, manual: 24 },
  { code: 'HC-QT-SQ-01', themedMonths: [3, 6, 9], quarters: [1, 2, 3, 4], deduction: 6, manual: 22 },
  // Nothing at all in the third quarter: 一票否决.
  { code: 'HC-JT-YG-02', themedMonths: [1, 2, 4, 5, 10, 11], quarters: [1, 2, 4], deduction: 4, manual: 25 },
];

/** The branch scheme the demo and the generated district use (every scoring method, two vetoes). */
export const branchSchemeOf = (year: number) => ({
  year,
  organizationKind: 'BRANCH',
  name: `${year}年度党支部目标考核方案`,
  indicators: [
    {
      name: '组织建设',
      maxScore: 40,
      children: [
        { name: '三会一课落实', maxScore: 30, method: 'AUTOMATIC', fact: 'MEETING_COMPLIANCE' },
        { name: '党员参会率', maxScore: 10, method: 'AUTOMATIC', fact: 'AVERAGE_ATTENDANCE' },
      ],
    },
    { name: '作风建设（平时抽查）', maxScore: 20, method: 'DEDUCTION' },
    {
      name: '思想建设与制度建设',
      maxScore: 30,
      children: [
        { name: '思想建设', maxScore: 15, method: 'MANUAL' },
        { name: '制度建设', maxScore: 15, method: 'MANUAL' },
      ],
    },
    { name: '党建+业务融合（结对共建）', maxScore: 10, method: 'AUTOMATIC', fact: 'PAIRING_SERVICES' },
  ],
  vetoes: [
    { fact: 'QUARTERS_WITHOUT_MEETINGS', comparison: 'GT', threshold: 0, label: '有季度未开展三会一课' },
    { fact: 'ELECTION_ON_TIME', comparison: 'LT', threshold: 1, label: '未按期换届' },
  ],
});

const pad = (n: number) => String(n).padStart(2, '0');

/** Retries while the organisation has not reached the service yet (the events arrive a moment later). */
async function eventually<T>(
  what: string,
  run: () => Promise<{ data?: T; errors?: Array<{ message: string; extensions?: { code?: string } }> }>,
) {
  for (let attempt = 0; ; attempt += 1) {
    const result = await run();
    if (!result.errors) return result.data as T;
    const code = result.errors[0].extensions?.code ?? '';
    if (!/NOT_FOUND|UNKNOWN/.test(code) || attempt > 150)
      throw new Error(`${what} failed: ${result.errors.map((e) => e.message).join('; ')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const RECORD = `mutation($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`;

/** The meetings of one branch in one year, up to (not including) `until`. */
async function holdMeetings(url: string, token: string, branchId: string, profile: Profile, year: number, until: string) {
  const meetings: Array<[string, string, string]> = [];
  for (const q of profile.quarters) {
    meetings.push(['GENERAL_MEETING', `${year}-${pad(q * 3 - 1)}-12`, '支部党员大会']);
    meetings.push(['PARTY_LECTURE', `${year}-${pad(q * 3)}-08`, '专题党课']);
  }
  for (const m of profile.themedMonths) meetings.push(['THEMED_PARTY_DAY', `${year}-${pad(m)}-05`, '主题党日']);
  for (const [type, heldOn, topic] of meetings.filter(([, day]) => day < until)) {
    const lecturer = type === 'PARTY_LECTURE' ? { lecturer: { name: '支部书记' } } : {};
    await eventually('recordActivity', () =>
      graphql(url, token, RECORD, {
        input: { organizationId: branchId, type, record: { heldOn, topic: `${topic}（${heldOn}）`, ...lecturer } },
      }),
    );
  }
}

export async function seedDemoAssessment(url: string, token: string, today: string): Promise<{ closedRounds: number; openRounds: number }> {
  const thisYear = Number(today.slice(0, 4));
  const lastYear = thisYear - 1;
  const ids = new Map<string, string>();
  for (const p of PROFILES) {
    const { organizationByCode } = await mustQuery(url, token, `query($c: String!) { organizationByCode(code: $c) { id } }`, { c: p.code });
    ids.set(p.code, organizationByCode.id);
  }
  const must = (query: string, variables: Record<string, unknown>) =>
    eventually<any>('assessment', () => graphql(url, token, query, variables));
  const last = await must(`mutation($i: SchemeInput!) { createAssessmentScheme(input: $i, idempotencyKey: "demo-scheme-last") { id } }`, {
    i: branchSchemeOf(lastYear),
  });
  const lastScheme = (last as { createAssessmentScheme: { id: string } }).createAssessmentScheme.id;

  let closedRounds = 0;
  for (const p of PROFILES) {
    const branchId = ids.get(p.code) as string;
    await holdMeetings(url, token, branchId, p, lastYear, `${thisYear}-01-01`);
    const opened = (await must(`mutation($i: OpenRoundInput!) { openAssessmentRound(input: $i) { id } }`, {
      i: { organizationId: branchId, schemeId: lastScheme, year: lastYear },
    })) as { openAssessmentRound: { id: string } };
    const round = opened.openAssessmentRound.id;
    const score = (code: string, points: number, evidence: string) =>
      must(`mutation($r: ID!, $i: ScoreIndicatorInput!) { scoreIndicator(roundId: $r, input: $i) { id } }`, {
        r: round,
        i: { indicatorCode: code, points, evidence },
      });
    await score('3.1', Math.min(15, p.manual / 2 + 1), '单位自查：学习记录、心得体会');
    await score('3.2', Math.min(15, p.manual / 2), '单位自查：制度汇编');
    await must(`mutation($r: ID!) { advanceAssessmentRound(id: $r) { id } }`, { r: round });
    if (p.deduction > 0) {
      await must(`mutation($r: ID!, $i: DeductionInput!) { recordDeduction(roundId: $r, input: $i) { id } }`, {
        r: round,
        i: { indicatorCode: '2', points: p.deduction, reason: '平时抽查：会议记录不规范', occurredOn: `${lastYear}-09-15` },
      });
    }
    await must(`mutation($r: ID!) { advanceAssessmentRound(id: $r) { id } }`, { r: round });
    await score('3.1', p.manual / 2, '年终考评：听取述职、查阅资料、民主评议');
    await score('3.2', p.manual / 2, '年终考评：查阅制度执行台账');
    await must(`mutation($r: ID!) { closeAssessmentRound(id: $r) { id } }`, { r: round });
    closedRounds += 1;
  }

  // This year: a copy of last year's scheme, the meetings held so far, open rounds following them.
  const copy = (await must(
    `mutation($id: ID!, $y: Int!) { copyAssessmentScheme(id: $id, year: $y, idempotencyKey: "demo-scheme-this") { id } }`,
    {
      id: lastScheme,
      y: thisYear,
    },
  )) as { copyAssessmentScheme: { id: string } };
  let openRounds = 0;
  for (const p of PROFILES) {
    const branchId = ids.get(p.code) as string;
    await holdMeetings(url, token, branchId, p, thisYear, today);
    const opened = (await must(`mutation($i: OpenRoundInput!) { openAssessmentRound(input: $i) { id } }`, {
      i: { organizationId: branchId, schemeId: copy.copyAssessmentScheme.id, year: thisYear },
    })) as { openAssessmentRound: { id: string } };
    await must(`mutation($r: ID!, $i: ScoreIndicatorInput!) { scoreIndicator(roundId: $r, input: $i) { id } }`, {
      r: opened.openAssessmentRound.id,
      i: { indicatorCode: '3.1', points: Math.min(15, p.manual / 2), evidence: '单位自查：学习记录' },
    });
    openRounds += 1;
  }
  await appraiseAndNominate(must, ids.get(PROFILES[0].code) as string, thisYear);
  return { closedRounds, openRounds };
}

/**
 * This year's 民主评议 of the first branch (one 优秀, the others 合格) and a confirmed model post,
 * so the dashboard's appraisal chart and model posts have something to show for the current year.
 */
async function appraiseAndNominate(
  must: (query: string, variables: Record<string, unknown>) => Promise<any>,
  branchId: string,
  year: number,
): Promise<void> {
  const { organization } = await must(
    `query($id: ID!) { organization(id: $id) { members(first: 100, stages: [PROBATIONARY, FULL], statuses: [ACTIVE]) { items { id category } } } }`,
    { id: branchId },
  );
  const members = organization.members.items as Array<{ id: string; category: string }>;
  if (members.length === 0) return;
  await must(`mutation($i: RecordAppraisalsInput!) { recordAppraisals(input: $i) { memberId } }`, {
    i: { branchId, year, entries: members.map((m, index) => ({ memberId: m.id, grade: index === 0 ? 'EXCELLENT' : 'QUALIFIED' })) },
  });
  const inService = members.find((m) => m.category === 'IN_SERVICE');
  if (!inService) return;
  const { nominateModelPost } = await must(
    `mutation($i: NominateModelPostInput!) { nominateModelPost(input: $i, idempotencyKey: "demo-model-post") { id } }`,
    { i: { branchId, memberId: inService.id, year, title: '便民服务窗口示范岗' } },
  );
  await must(`mutation($id: ID!) { decideModelPost(id: $id, confirm: true) { id } }`, { id: nominateModelPost.id });
}
