import { randomUUID } from 'node:crypto';
import { Role } from '@partybuild/auth';
import { MEMBERSHIP_TOPIC, MembershipEventType, MemberSnapshot } from '@partybuild/contracts';
import { createEnvelope } from '@partybuild/events';
import { eventually } from '@partybuild/testing';
import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';

/** What the membership service's outbox relay publishes: the contract's member snapshot. */
function memberSnapshot(id: string, organizationId: string, partyGroupId: string | null, stage = 'FULL'): MemberSnapshot {
  return {
    id,
    organizationId,
    partyGroupId,
    stage,
    status: 'ACTIVE',
    category: 'IN_SERVICE',
    gender: 'FEMALE',
    birthDate: '1985-04-01',
    education: null,
    ethnicity: null,
    joinedOn: '2015-07-01',
    fullMemberSince: stage === 'FULL' ? '2016-07-01' : null,
    votingRights: stage === 'FULL',
  };
}

async function publishMembers(stack: TestStack, path: string[], members: MemberSnapshot[]): Promise<void> {
  await stack.services.activity.transport.publish(
    members.map((member) => ({
      topic: MEMBERSHIP_TOPIC,
      key: member.id,
      value: JSON.stringify(
        createEnvelope('membership', {
          type: MembershipEventType.REGISTERED,
          aggregateId: member.id,
          organizationId: member.organizationId,
          organizationPath: [...path, member.organizationId],
          actor: 'test',
          data: { member },
        }),
      ),
    })),
  );
}

const RECORD = `mutation($input: RecordActivityInput!) {
  recordActivity(input: $input) {
    id status type heldOn coHosts { id } attendanceCounts { expected present late excused absent rate }
    quorum { votingMembers votingAttending required reached } lecturer { name isSecretary }
  }
}`;

const COMPLIANCE = `query($id: ID!, $period: String!) {
  organization(id: $id) {
    name
    compliance(period: $period) {
      period satisfiedSlots missingSlots dueSlots
      requirements { requirement slots { period dueBy required satisfiedBy status } }
    }
  }
}`;

describe('activities through the gateway: a month of a branch’s meetings', () => {
  let stack: TestStack;
  let root: string, branch: string, g1: string, g2: string, other: string;
  const m = Array.from({ length: 8 }, () => randomUUID());
  const outsider = randomUUID();
  const admin = () => stack.as(ADMIN);
  const record = async (input: Record<string, unknown>) => {
    const result = await admin()(RECORD, { input: { organizationId: branch, ...input } });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data.recordActivity;
  };
  const present = (ids: string[], status = 'PRESENT') => ids.map((memberId) => ({ memberId, status }));
  const slotsOf = (compliance: any, requirement: string) =>
    compliance.requirements.find((r: { requirement: string }) => r.requirement === requirement)?.slots;

  beforeAll(async () => {
    stack = await startTestStack();
    root = await createOrg(stack, { code: 'A', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    branch = await createOrg(stack, { code: 'A-1', name: '交通局机关党支部', kind: 'BRANCH', parentId: root });
    g1 = await createOrg(stack, { code: 'A-1-G1', name: '第一党小组', kind: 'PARTY_GROUP', parentId: branch });
    g2 = await createOrg(stack, { code: 'A-1-G2', name: '第二党小组', kind: 'PARTY_GROUP', parentId: branch });
    other = await createOrg(stack, { code: 'A-2', name: '财政局机关党支部', kind: 'BRANCH', parentId: root });
    const elected = await admin()(`mutation($input: RecordElectionInput!) { recordElection(input: $input) { id } }`, {
      input: {
        organizationId: branch,
        heldOn: '2025-03-01',
        committee: [
          { personName: '张伟', memberId: m[0], role: 'SECRETARY' },
          { personName: '李娜', memberId: m[1], role: 'ORGANIZATION_MEMBER' },
          { personName: '王芳', memberId: m[4], role: 'PUBLICITY_MEMBER' },
        ],
      },
    });
    expect(elected.errors).toBeUndefined();
    await publishMembers(
      stack,
      [root],
      [
        ...m.slice(0, 4).map((id) => memberSnapshot(id, branch, g1)),
        ...m.slice(4, 7).map((id) => memberSnapshot(id, branch, g2)),
        memberSnapshot(m[7], branch, g2, 'PROBATIONARY'),
        memberSnapshot(outsider, other, null),
      ],
    );
    const db = stack.services.activity.dataSource;
    await eventually(
      async () => {
        const [{ members }] = await db.query(`SELECT count(*)::int AS members FROM member`);
        const [{ seats }] = await db.query(`SELECT count(*)::int AS seats FROM committee_seat`);
        const [{ nodes }] = await db.query(`SELECT count(*)::int AS nodes FROM org_node`);
        return members === 9 && seats === 3 && nodes === 5 ? true : undefined;
      },
      20_000,
      'the read models of the activity service',
    );
  }, 90_000);
  afterAll(() => stack?.stop());

  it('shows October missing before anything is recorded', async () => {
    const { data } = await admin()(COMPLIANCE, { id: branch, period: '2026-10' });
    const c = data.organization.compliance;
    expect(slotsOf(c, 'THEMED_PARTY_DAY')).toEqual([
      { period: '2026-10', dueBy: '2026-10-31', required: 1, satisfiedBy: 0, status: 'MISSING' },
    ]);
    expect(slotsOf(c, 'PARTY_GROUP_MEETING')[0]).toMatchObject({ required: 2, satisfiedBy: 0, status: 'MISSING' });
    expect(slotsOf(c, 'GENERAL_MEETING')[0]).toMatchObject({ period: '2026-Q4', dueBy: '2026-12-31', status: 'DUE' });
    expect(data.organization.name).toBe('交通局机关党支部');
  });

  it('records a month of meetings once and the compliance and attendance rates follow', async () => {
    const partyDay = await record({
      type: 'THEMED_PARTY_DAY',
      record: { heldOn: '2026-10-15', topic: '学习贯彻全会精神', place: '三楼会议室', businessLink: '交通安全专项整治' },
      attendance: { entries: [...present(m.slice(0, 5)), { memberId: m[5], status: 'EXCUSED' }], othersAbsent: true },
    });
    expect(partyDay.attendanceCounts).toEqual({ expected: 8, present: 5, late: 0, excused: 1, absent: 2, rate: 5 / 8 });
    await record({
      type: 'COMMITTEE_MEETING',
      record: { heldOn: '2026-10-08', topic: '研究发展党员工作' },
      attendance: { entries: present([m[0], m[1], m[4]]) },
    });
    await record({
      type: 'PARTY_GROUP_MEETING',
      organizationId: g1,
      record: { heldOn: '2026-10-20', topic: '小组学习' },
      attendance: { entries: present(m.slice(0, 4)) },
    });
    await record({
      type: 'PARTY_GROUP_MEETING',
      organizationId: g2,
      record: { heldOn: '2026-10-21', topic: '小组学习' },
      attendance: { entries: present(m.slice(4, 8)) },
    });
    const general = await record({
      type: 'GENERAL_MEETING',
      record: { heldOn: '2026-10-28', topic: '讨论接收预备党员' },
      attendance: { entries: [...present(m.slice(0, 3)), ...present([m[7]], 'LATE'), ...present([m[3]], 'LATE')], othersAbsent: true },
    });
    // Seven full members vote; four of them attend: more than half.
    expect(general.quorum).toEqual({ votingMembers: 7, votingAttending: 4, required: 4, reached: true });
    const lecture = await record({
      type: 'PARTY_LECTURE',
      record: { heldOn: '2026-10-30', topic: '书记讲党课', lecturer: { name: '张伟', memberId: m[0] } },
      attendance: { entries: present(m.slice(0, 2)), othersAbsent: true },
    });
    expect(lecture.lecturer).toEqual({ name: '张伟', isSecretary: true });

    const { data } = await admin()(COMPLIANCE, { id: branch, period: '2026-10' });
    const c = data.organization.compliance;
    for (const requirement of [
      'THEMED_PARTY_DAY',
      'COMMITTEE_MEETING',
      'PARTY_GROUP_MEETING',
      'GENERAL_MEETING',
      'PARTY_LECTURE',
      'SECRETARY_LECTURE',
    ]) {
      expect([requirement, slotsOf(c, requirement)[0].status]).toEqual([requirement, 'SATISFIED']);
    }
    expect(slotsOf(c, 'ORGANIZATIONAL_LIFE_MEETING')[0].status).toBe('DUE');
    expect(c.missingSlots).toBe(0);

    const rates = await admin()(
      `query($id: ID!) { activity(id: $id) { attendance { status member { id attendanceRate(period: "2026-10") attendance(period: "2026-10") { totalCount } } } } }`,
      { id: partyDay.id },
    );
    const byMember = new Map(rates.data.activity.attendance.map((a: any) => [a.member.id, a.member]));
    // m[1]: present at the party day, committee, group, general meeting and lecture.
    expect(byMember.get(m[1])).toMatchObject({ attendanceRate: 1, attendance: { totalCount: 5 } });
    // m[6]: absent at the party day, present at the group meeting, absent at the general meeting and the lecture.
    expect(byMember.get(m[6])).toMatchObject({ attendanceRate: 0.25, attendance: { totalCount: 4 } });

    const list = await admin()(
      `query($id: ID!) { organization(id: $id) { activities(period: "2026-10", types: [THEMED_PARTY_DAY, PARTY_LECTURE]) { totalCount items { type heldOn host { id name } } } } }`,
      { id: branch },
    );
    expect(list.data.organization.activities.totalCount).toBe(2);
    expect(list.data.organization.activities.items[0]).toEqual({
      type: 'PARTY_LECTURE',
      heldOn: '2026-10-30',
      host: { id: branch, name: '交通局机关党支部' },
    });
    // The branch hosted four; the group meetings belong to the groups.
    const direct = await admin()(
      `query($id: ID!) { organizationActivities(organizationId: $id, period: "2026-10", first: 2) { totalCount items { type } pageInfo { hasNextPage } } }`,
      {
        id: branch,
      },
    );
    expect(direct.data.organizationActivities).toEqual({
      totalCount: 4,
      items: [{ type: 'PARTY_LECTURE' }, { type: 'GENERAL_MEETING' }],
      pageInfo: { hasNextPage: true },
    });

    const events = await stack.services.activity.dataSource.query(`SELECT envelope FROM outbox ORDER BY position`);
    const held = events.map((r: any) => r.envelope).find((e: any) => e.type === 'activity.held' && e.subject === partyDay.id);
    expect(held).toMatchObject({
      organizationid: branch,
      organizationpath: [root, branch],
      data: { activity: { type: 'THEMED_PARTY_DAY', period: '2026-10' } },
    });
    const counted = events
      .map((r: any) => r.envelope)
      .find((e: any) => e.type === 'activity.attendance-recorded' && e.subject === partyDay.id);
    expect(counted.data.activity.attendance).toEqual({ expected: 8, present: 5, late: 0, excused: 1, absent: 2 });
    // Since version 3 the event lists who attended by member id (for the pioneer index), never by name.
    expect([...counted.data.attendeeIds].sort()).toEqual(m.slice(0, 5).sort());
    expect(JSON.stringify(counted.data)).not.toMatch(/张伟/);
  });

  it('refuses bad input with stable codes and writes nothing', async () => {
    const count = async () =>
      (
        await stack.services.activity.dataSource.query(
          `SELECT (SELECT count(*) FROM activity)::int + (SELECT count(*) FROM attendance)::int AS n`,
        )
      )[0].n;
    const before = await count();
    const outsiderAttends = await admin()(RECORD, {
      input: {
        organizationId: branch,
        type: 'STUDY',
        record: { heldOn: '2026-11-02', topic: '学习' },
        attendance: { entries: present([m[0], outsider]) },
      },
    });
    expect(codeOf(outsiderAttends)).toBe('MEMBER_NOT_IN_HOST');
    expect(outsiderAttends.errors?.[0].extensions?.memberIds).toEqual([outsider]);
    const future = await admin()(RECORD, {
      input: { organizationId: branch, type: 'STUDY', record: { heldOn: '2026-11-23', topic: '学习' } },
    });
    expect(codeOf(future)).toBe('HELD_IN_FUTURE');
    const noLecturer = await admin()(RECORD, {
      input: { organizationId: branch, type: 'PARTY_LECTURE', record: { heldOn: '2026-11-02', topic: '党课' } },
    });
    expect(codeOf(noLecturer)).toBe('LECTURER_REQUIRED');
    const twiceInOneCall = await admin()(RECORD, {
      input: {
        organizationId: branch,
        type: 'STUDY',
        record: { heldOn: '2026-11-02', topic: '学习' },
        attendance: { entries: [...present([m[0]]), ...present([m[0]], 'ABSENT')] },
      },
    });
    expect(codeOf(twiceInOneCall)).toBe('ATTENDANCE_CONFLICT');
    const badPeriod = await admin()(COMPLIANCE, { id: branch, period: '2026-13' });
    expect(codeOf(badPeriod)).toBe('BAD_USER_INPUT');
    expect(await count()).toBe(before);

    const cadreOfOther = stack.as({ subject: 'cadre', name: '财政局书记', roles: [Role.PARTY_CADRE], scope: [other] });
    const outOfScope = await cadreOfOther(RECORD, {
      input: { organizationId: branch, type: 'STUDY', record: { heldOn: '2026-11-02', topic: '学习' } },
    });
    expect(codeOf(outOfScope)).toBe('FORBIDDEN');
    const ownBranch = await cadreOfOther(RECORD, {
      input: {
        organizationId: other,
        type: 'STUDY',
        record: { heldOn: '2026-11-02', topic: '学习' },
        attendance: { entries: present([outsider]) },
      },
    });
    expect(ownBranch.data.recordActivity.attendanceCounts.present).toBe(1);
  });

  it('records the same attendance again as a no-op and refuses a different answer', async () => {
    const study = await record({ type: 'STUDY', record: { heldOn: '2026-11-03', topic: '学习党章' } });
    const ATTEND = `mutation($id: ID!, $a: AttendanceInput!) { recordAttendance(activityId: $id, attendance: $a) { attendanceCounts { present absent } } }`;
    const first = await admin()(ATTEND, { id: study.id, a: { entries: present([m[0], m[1]]) } });
    expect(first.data.recordAttendance.attendanceCounts).toEqual({ present: 2, absent: 0 });
    const again = await admin()(ATTEND, { id: study.id, a: { entries: present([m[0]]) } });
    expect(again.data.recordAttendance.attendanceCounts).toEqual({ present: 2, absent: 0 });
    const changed = await admin()(ATTEND, { id: study.id, a: { entries: [...present([m[2]]), { memberId: m[1], status: 'ABSENT' }] } });
    expect(codeOf(changed)).toBe('ATTENDANCE_CONFLICT');
    const rows = await stack.services.activity.dataSource.query(`SELECT count(*)::int AS n FROM attendance WHERE activity_id = $1`, [
      study.id,
    ]);
    expect(rows[0].n).toBe(2);
  });

  it('plans the year, reminds of what is not recorded, and refuses to hold a cancelled activity', async () => {
    const planned = await admin()(
      `mutation($id: ID!, $items: [PlanItemInput!]!) { planActivities(organizationId: $id, items: $items) { id status plannedOn } }`,
      {
        id: branch,
        items: [
          { type: 'ORGANIZATIONAL_LIFE_MEETING', plannedOn: '2026-12-10', topic: '年度组织生活会' },
          { type: 'THEMED_PARTY_DAY', plannedOn: '2026-11-18', topic: '11月主题党日' },
          { type: 'THEMED_PARTY_DAY', plannedOn: '2026-12-15', topic: '12月主题党日' },
        ],
      },
    );
    const [lifeMeeting, november, december] = planned.data.planActivities;
    const reminders = await admin()(`query($id: ID!) { activityReminders(under: $id, withinDays: 7) { items { topic plannedOn } } }`, {
      id: root,
    });
    expect(reminders.data.activityReminders.items).toEqual([{ topic: '11月主题党日', plannedOn: '2026-11-18' }]);

    const held = await admin()(
      `mutation($id: ID!) { holdActivity(id: $id, record: { heldOn: "2026-11-18" }, attendance: { entries: [], othersAbsent: true }) { status topic attendanceCounts { absent } } }`,
      { id: november.id },
    );
    expect(held.data.holdActivity).toEqual({ status: 'HELD', topic: '11月主题党日', attendanceCounts: { absent: 8 } });
    await admin()(`mutation($id: ID!) { cancelActivity(id: $id, reason: "与区委会议冲突") { status } }`, { id: december.id });
    const heldAfterCancel = await admin()(`mutation($id: ID!) { holdActivity(id: $id, record: { heldOn: "2026-11-20" }) { id } }`, {
      id: december.id,
    });
    expect(codeOf(heldAfterCancel)).toBe('ACTIVITY_CANCELLED');

    const plan = await admin()(
      `query($id: ID!) { organization(id: $id) { activityPlan(year: 2026) { lines { type planned heldAsPlanned cancelled stillPlanned heldUnplanned } } } }`,
      { id: branch },
    );
    const lines = plan.data.organization.activityPlan.lines;
    expect(lines.find((l: { type: string }) => l.type === 'THEMED_PARTY_DAY')).toEqual({
      type: 'THEMED_PARTY_DAY',
      planned: 2,
      heldAsPlanned: 1,
      cancelled: 1,
      stillPlanned: 0,
      heldUnplanned: 1,
    });
    expect(lines.find((l: { type: string }) => l.type === 'ORGANIZATIONAL_LIFE_MEETING')).toMatchObject({ planned: 1, stillPlanned: 1 });
    expect(lifeMeeting.status).toBe('PLANNED');
  });

  it('nominates a themed Party day for the year’s best, once', async () => {
    const { data } = await admin()(
      `query($id: ID!) { organization(id: $id) { activities(types: [THEMED_PARTY_DAY], period: "2026-10") { items { id } } } }`,
      { id: branch },
    );
    const id = data.organization.activities.items[0].id;
    const NOMINATE = `mutation($id: ID!) { nominateBestPartyDay(activityId: $id, reason: "结合交通安全整治，效果突出") { year } }`;
    expect((await admin()(NOMINATE, { id })).data.nominateBestPartyDay.year).toBe(2026);
    expect(codeOf(await admin()(NOMINATE, { id }))).toBe('RULE_VIOLATION');
    const list = await admin()(`{ bestPartyDayNominations(year: 2026) { totalCount items { reason activity { topic host { name } } } } }`);
    expect(list.data.bestPartyDayNominations).toEqual({
      totalCount: 1,
      items: [{ reason: '结合交通安全整治，效果突出', activity: { topic: '学习贯彻全会精神', host: { name: '交通局机关党支部' } } }],
    });
  });

  it('counts a joint activity for its co-host too, and shows it in the co-host’s list', async () => {
    const joint = await record({
      type: 'THEMED_PARTY_DAY',
      coHostIds: [other],
      record: { heldOn: '2026-09-20', topic: '联建主题党日', businessLink: '结对共建' },
      attendance: { entries: [...present([m[0]]), ...present([outsider])] },
    });
    expect(joint.attendanceCounts).toMatchObject({ expected: 9, present: 2 });
    const { data } = await admin()(
      `query($id: ID!) { organization(id: $id) { activities(period: "2026-09") { items { topic host { id } coHosts { id } } }
                                                compliance(period: "2026-09") { requirements { requirement slots { status } } } } }`,
      { id: other },
    );
    expect(data.organization.activities.items).toEqual([{ topic: '联建主题党日', host: { id: branch }, coHosts: [{ id: other }] }]);
    expect(slotsOf(data.organization.compliance, 'THEMED_PARTY_DAY')).toEqual([{ status: 'SATISFIED' }]);
  });

  it('rolls compliance up a subtree in one report', async () => {
    const { data, errors } = await admin()(
      `query($id: ID!) { complianceReport(under: $id, period: "2026-10", first: 10) { summary { organizations withoutGaps missingSlots } organizations { totalCount items { organizationId missingSlots } } } }`,
      { id: root },
    );
    expect(errors).toBeUndefined();
    // The two branches and the working committee (democratic life meeting, due by year end).
    expect(data.complianceReport.summary).toEqual({ organizations: 3, withoutGaps: 2, missingSlots: 1 });
    // The other branch held no themed Party day in October.
    expect(data.complianceReport.organizations.items[0]).toEqual({ organizationId: other, missingSlots: 1 });
  });
});
