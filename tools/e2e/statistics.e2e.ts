import { Role } from '@partybuild/auth';
import { createEnvelope } from '@partybuild/events';
import { eventually } from '@partybuild/testing';
import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';
import { activityEvent, heldActivity, memberSnapshot, membershipEvent } from './statistics-fixtures';

const FIGURES = `query($id: ID!, $period: String!) { organization(id: $id) { name statistics(period: $period) {
  asOf members { total newMembers byStage { key count } byGender { key count } byAgeBand { key count } transfersIn transfersOut }
  branches { total underThreeFullMembers } activities { held threeMeetingsOneLesson attendanceRate byMonth { key count } requiredMeetingsDue requiredMeetingsHeld complianceRate }
  dues { expectedFen collectedFen membersInArrears } organizationsByKind { key count } } } }`;

describe('cross-unit statistics from events', () => {
  let stack: TestStack;
  let root: string, committeeA: string, committeeB: string, branch1: string, branch2: string;
  const figures = async (id: string, period = '2026') => {
    const result = await stack.as(ADMIN)(FIGURES, { id, period });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data.organization.statistics;
  };
  const until = <T>(check: () => Promise<T | undefined>) => eventually(check, 15_000, 'the figures to change');

  beforeAll(async () => {
    stack = await startTestStack();
    root = await createOrg(stack, { code: 'S', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    committeeA = await createOrg(stack, { code: 'S-A', name: '甲党委', kind: 'PARTY_COMMITTEE', parentId: root });
    committeeB = await createOrg(stack, { code: 'S-B', name: '乙党委', kind: 'PARTY_COMMITTEE', parentId: root });
    branch1 = await createOrg(stack, { code: 'S-A-1', name: '甲一支部', kind: 'BRANCH', parentId: committeeA });
    branch2 = await createOrg(stack, { code: 'S-B-1', name: '乙一支部', kind: 'BRANCH', parentId: committeeB });
    const members = [
      memberSnapshot(branch1, {
        joinedOn: '2026-03-01',
        fullMemberSince: null,
        stage: 'PROBATIONARY',
        votingRights: false,
        dues: { startMonth: '2026-03', monthlyDues: [{ from: '2026-03', fen: 1000 }] },
      }),
      memberSnapshot(branch1, { gender: 'MALE', birthDate: '1960-01-01' }),
      memberSnapshot(branch1),
      memberSnapshot(branch1, { stage: 'ACTIVIST', joinedOn: null, fullMemberSince: null }),
      memberSnapshot(branch2),
    ];
    const events = members.map((m) => membershipEvent('membership.member.registered', m));
    events.push(
      membershipEvent('membership.dues.paid', members[1], { months: ['2026-01', '2026-02'], amountFen: 2000, paidOn: '2026-02-10' }),
    );
    events.push(activityEvent(heldActivity(branch1, 'GENERAL_MEETING', '2026-03-10', 3, 4)));
    events.push(activityEvent(heldActivity(branch1, 'THEMED_PARTY_DAY', '2026-04-10', 1, 4)));
    await stack.publish(events);
    // Each topic has its own consumer, so members, dues and meetings arrive in any order: wait for all three.
    await until(async () => {
      const f = await figures(root);
      return f.activities.held === 2 && f.members.total === 4 && f.dues.collectedFen > 0 ? true : undefined;
    });
  });
  afterAll(() => stack?.stop());

  it("rolls a branch's figures up to every ancestor", async () => {
    const branch = await figures(branch1);
    expect(branch.members).toMatchObject({
      total: 3,
      newMembers: 1,
      byStage: [
        { key: 'FULL', count: 2 },
        { key: 'ACTIVIST', count: 1 },
        { key: 'PROBATIONARY', count: 1 },
      ],
      byGender: [
        { key: 'FEMALE', count: 2 },
        { key: 'MALE', count: 1 },
      ],
      byAgeBand: [
        { key: '41-50', count: 2 },
        { key: '61+', count: 1 },
      ],
    });
    // Three quarters have ended: 3 general meetings and 3 lectures were due, one general meeting was held.
    expect(branch.activities).toEqual({
      held: 2,
      threeMeetingsOneLesson: 1,
      attendanceRate: 0.5,
      byMonth: [
        { key: '2026-03', count: 1 },
        { key: '2026-04', count: 1 },
      ],
      requiredMeetingsDue: 6,
      requiredMeetingsHeld: 1,
      complianceRate: 1 / 6,
    });
    expect(branch.asOf).toBe('2026-11-22');
    expect((await figures(committeeA)).members.total).toBe(3);
    const district = await figures(root);
    expect(district.members.total).toBe(4);
    // Branch 1 has two full members (one is probationary), branch 2 has one: both are under three.
    expect(district.branches).toEqual({ total: 2, underThreeFullMembers: 2 });
    expect(district.organizationsByKind).toEqual([
      { key: 'BRANCH', count: 2 },
      { key: 'PARTY_COMMITTEE', count: 2 },
      { key: 'WORKING_COMMITTEE', count: 1 },
    ]);
  });

  it('computes only the groups of figures a view shows, fragments included, and the same figures as a full view', async () => {
    const ask = (query: string, period: string) => stack.as(ADMIN)(query, { id: branch1, period });
    // Periods nobody asked for yet, so that nothing comes from the cache.
    const membersOnly = await ask(
      `query($id: ID!, $period: String!) { organization(id: $id) { statistics(period: $period) { period members { total } } } }`,
      '2026-Q1',
    );
    const withFragment = await ask(
      `query($id: ID!, $period: String!) { organization(id: $id) { statistics(period: $period) { ...Counts } } }
       fragment Counts on OrganizationStatistics { members { total } ... on OrganizationStatistics { dues { collectedFen } } }`,
      '2026-Q2',
    );
    const full = await ask(FIGURES, '2026-Q3');
    expect([membersOnly.errors, withFragment.errors, full.errors]).toEqual([undefined, undefined, undefined]);
    expect(membersOnly.sqlQueries).toBeLessThan(withFragment.sqlQueries);
    expect(withFragment.sqlQueries).toBeLessThan(full.sqlQueries);
    const whole = async (period: string) => (await ask(FIGURES, period)).data.organization.statistics;
    expect(membersOnly.data.organization.statistics.members.total).toBe((await whole('2026-Q1')).members.total);
    expect(withFragment.data.organization.statistics.dues.collectedFen).toBe((await whole('2026-Q2')).dues.collectedFen);
  });

  it('withholds small cells of people from an analyst, as null with a flag, and keeps the totals', async () => {
    const query = `query($id: ID!) { organization(id: $id) { statistics(period: "2026") {
      members { total byGender { key count suppressed } byAgeBand { key count suppressed } } } } }`;
    const analyst = stack.as({ subject: 'analyst', name: '分析员', roles: [Role.ANALYST], scope: [committeeA] });
    const seen = await analyst(query, { id: branch1 });
    expect(seen.errors).toBeUndefined();
    // Two women and one man: each cell names people.
    expect(seen.data.organization.statistics.members).toEqual({
      total: 3,
      byGender: [
        { key: 'FEMALE', count: null, suppressed: true },
        { key: 'MALE', count: null, suppressed: true },
      ],
      byAgeBand: [
        { key: '41-50', count: null, suppressed: true },
        { key: '61+', count: null, suppressed: true },
      ],
    });
    const cadre = stack.as({ subject: 'cadre', name: '组织委员', roles: [Role.PARTY_CADRE], scope: [committeeA] });
    const full = await cadre(query, { id: branch1 });
    expect(full.data.organization.statistics.members.byGender).toEqual([
      { key: 'FEMALE', count: 2, suppressed: false },
      { key: 'MALE', count: 1, suppressed: false },
    ]);
  });

  it("counts dues from each member's start month, at the due of each month, the current month not yet owed", async () => {
    const q1 = await figures(branch1, '2026-Q1');
    // Two members owe 10 yuan a month for three months, the one admitted in March for March only; one paid January and February.
    expect(q1.dues).toEqual({ expectedFen: 7000, collectedFen: 2000, membersInArrears: 3 });
    const other = await createOrg(stack, { code: 'T', name: '另一工委', kind: 'WORKING_COMMITTEE' });
    const branch3 = await createOrg(stack, { code: 'T-1', name: '丙一支部', kind: 'BRANCH', parentId: other });
    const member = memberSnapshot(branch3, {
      dues: {
        startMonth: '2026-09',
        monthlyDues: [
          { from: '2026-09', fen: 500 },
          { from: '2026-10', fen: 800 },
        ],
      },
    });
    await stack.publish([
      membershipEvent('membership.member.registered', member),
      // One payment for September and, ahead, December: each month at its own due.
      membershipEvent('membership.dues.paid', member, {
        months: ['2026-09', '2026-12'],
        amountFen: 1300,
        amountsFen: [500, 800],
        paidOn: '2026-09-10',
      }),
    ]);
    // September at 5 yuan paid, October at 8 yuan unpaid, November (the statistics day's month) not owed yet.
    const sep = await until(async () => {
      const f = await figures(branch3, '2026-09');
      return f.dues.collectedFen > 0 ? f.dues : undefined;
    });
    expect(sep).toEqual({ expectedFen: 500, collectedFen: 500, membersInArrears: 0 });
    const oct = await figures(branch3, '2026-10');
    expect(oct.dues).toEqual({ expectedFen: 800, collectedFen: 0, membersInArrears: 1 });
    expect((await figures(branch3, '2026-11')).dues).toEqual({ expectedFen: 0, collectedFen: 0, membersInArrears: 0 });
    expect((await figures(branch3, '2026-12')).dues).toEqual({ expectedFen: 0, collectedFen: 800, membersInArrears: 0 });
    expect((await figures(branch3, '2026')).dues).toEqual({ expectedFen: 1300, collectedFen: 1300, membersInArrears: 1 });
  });

  it('counts an event delivered twice once, and parks an unknown one without stopping', async () => {
    const member = memberSnapshot(branch2);
    const registered = membershipEvent('membership.member.registered', member);
    const unknown = createEnvelope('membership', {
      type: 'membership.member.teleported',
      aggregateId: member.id,
      organizationId: branch2,
      organizationPath: [],
      actor: 't',
      data: {},
    });
    const after = memberSnapshot(branch2);
    await stack.publish([registered, unknown, registered, membershipEvent('membership.member.registered', after)]);
    await until(async () => ((await figures(branch2)).members.total === 3 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await figures(branch2)).members.total).toBe(3);
    const parked = await stack.services.statistics.dataSource.query(`SELECT reason FROM parked_event`);
    expect(parked.map((p: { reason: string }) => p.reason)).toEqual([
      expect.stringMatching(/unknown event type or version: membership.member.teleported/),
    ]);
  });

  it("moves a subtree's figures from the old ancestors to the new ones", async () => {
    const before = (await figures(committeeB)).members.total;
    const moved = await stack.as(ADMIN)(`mutation($id: ID!, $to: ID!) { moveOrganization(id: $id, newParentId: $to) { id } }`, {
      id: branch1,
      to: committeeB,
    });
    expect(moved.errors).toBeUndefined();
    await until(async () => ((await figures(committeeA)).members.total === 0 ? true : undefined));
    expect((await figures(committeeB)).members.total).toBe(before + 3);
    expect((await figures(root)).members.total).toBe(before + 3);
  });

  it("counts transfers across a subtree's boundary only", async () => {
    const member = memberSnapshot(branch2, { organizationId: branch2 });
    await stack.publish([
      membershipEvent(
        'membership.member.transferred',
        { ...member, organizationId: branch2 },
        {
          transferId: 't-1',
          fromOrganizationId: branch2,
          toOrganizationId: null,
          on: '2026-05-01',
          outOfDistrict: true,
        },
      ),
    ]);
    await until(async () => ((await figures(branch2)).members.transfersOut === 1 ? true : undefined));
    expect((await figures(root)).members.transfersOut).toBe(1);
    expect((await figures(root)).members.transfersIn).toBe(0);
  });

  it('lists the Party committees of the district sorted by a figure, and exports CSV', async () => {
    const { data, errors } = await stack.as(ADMIN)(
      `{ districtOverview(period: "2026", sortBy: MEMBERS) { code statistics { members { total } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.districtOverview.map((u: { code: string }) => u.code)).toEqual(['S-B', 'S-A']);
    const csv = await stack.as(ADMIN)(`query($id: ID!) { statisticsCsv(period: "2026", under: $id) }`, { id: root });
    const lines = csv.data.statisticsCsv.trim().split('\n');
    expect(lines[0]).toMatch(/^period,organization_id,code,name,kind,members,/);
    expect(lines).toHaveLength(6);
    expect(csv.data.statisticsCsv).not.toMatch(/\d{17}[\dX]/);
  });

  it('refuses a period that is not one, an unknown organisation, and a caller outside the subtree', async () => {
    const bad = await stack.as(ADMIN)(FIGURES, { id: root, period: 'last year' });
    expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].message).toMatch(/2026-Q3/);
    const unknown = await stack.as(ADMIN)(`{ districtOverview(period: "2026", under: "00000000-0000-4000-8000-000000000000") { code } }`);
    expect(codeOf(unknown)).toBe('ORGANIZATION_NOT_FOUND');
    const analyst = stack.as({ subject: 'analyst', name: '分析员', roles: [Role.ANALYST], scope: [committeeA] });
    const outside = await analyst(`query($id: ID!) { statisticsCsv(period: "2026", under: $id) }`, { id: root });
    expect(codeOf(outside)).toBe('FORBIDDEN');
  });
});
