import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';

const ELECT = `mutation($input: RecordElectionInput!) { recordElection(input: $input) { heldOn termEndsOn } }`;

describe('committees, elections and term reminders', () => {
  let stack: TestStack;
  let root: string, dueSoon: string, overdue: string, fresh: string;
  const admin = () => stack.as(ADMIN);

  beforeAll(async () => {
    stack = await startTestStack();
    root = await createOrg(stack, { code: 'T', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    dueSoon = await createOrg(stack, { code: 'T-1', name: '第一党支部', kind: 'BRANCH', parentId: root });
    overdue = await createOrg(stack, { code: 'T-2', name: '第二党支部', kind: 'BRANCH', parentId: root });
    fresh = await createOrg(stack, { code: 'T-3', name: '第三党支部', kind: 'BRANCH', parentId: root });
  });
  afterAll(() => stack?.stop());

  it('records an election, sets the three-year term and replaces the committee', async () => {
    const first = await admin()(ELECT, {
      input: { organizationId: dueSoon, heldOn: '2020-12-01', committee: [{ personName: '旧书记', role: 'SECRETARY' }] },
    });
    expect(first.data.recordElection).toEqual({ heldOn: '2020-12-01', termEndsOn: '2023-12-01' });
    const second = await admin()(ELECT, {
      input: {
        organizationId: dueSoon,
        heldOn: '2023-12-10',
        eligibleVoters: 9,
        votesCast: 8,
        committee: [
          { personName: '张伟', role: 'SECRETARY' },
          { personName: '李娜', role: 'ORGANIZATION_MEMBER' },
          { personName: '王芳', role: 'DISCIPLINE_MEMBER' },
        ],
      },
    });
    expect(second.data.recordElection.termEndsOn).toBe('2026-12-10');
    const { data } = await admin()(
      `query($id: ID!) { organization(id: $id) { termEndsOn termStatus committee { personName role } elections { heldOn } } }`,
      { id: dueSoon },
    );
    expect(data.organization.termEndsOn).toBe('2026-12-10');
    expect(data.organization.termStatus).toBe('DUE_SOON');
    expect(data.organization.committee.map((m: { personName: string }) => m.personName).sort()).toEqual(['张伟', '李娜', '王芳'].sort());
    expect(data.organization.elections.map((e: { heldOn: string }) => e.heldOn)).toEqual(['2023-12-10', '2020-12-01']);
  });

  it('lists committees due for election and those overdue', async () => {
    await admin()(ELECT, {
      input: { organizationId: overdue, heldOn: '2022-05-01', committee: [{ personName: '赵强', role: 'SECRETARY' }] },
    });
    await admin()(ELECT, {
      input: { organizationId: fresh, heldOn: '2026-06-01', committee: [{ personName: '孙丽', role: 'SECRETARY' }] },
    });
    const soon = await admin()(`{ committeeTermAlerts(status: DUE_SOON, withinDays: 30) { items { code termEndsOn } } }`);
    expect(soon.data.committeeTermAlerts.items).toEqual([{ code: 'T-1', termEndsOn: '2026-12-10' }]);
    const late = await admin()(`{ committeeTermAlerts(status: OVERDUE) { items { code termStatus } } }`);
    expect(late.data.committeeTermAlerts.items).toEqual([{ code: 'T-2', termStatus: 'OVERDUE' }]);
  });

  it('refuses an election without a secretary, in the future, or with more votes than voters', async () => {
    const noSecretary = await admin()(ELECT, {
      input: { organizationId: fresh, heldOn: '2026-06-01', committee: [{ personName: '某人', role: 'MEMBER' }] },
    });
    expect(codeOf(noSecretary)).toBe('BAD_USER_INPUT');
    expect(noSecretary.errors?.[0].message).toMatch(/no secretary/);
    const future = await admin()(ELECT, {
      input: { organizationId: fresh, heldOn: '2027-01-01', committee: [{ personName: '某人', role: 'SECRETARY' }] },
    });
    expect(future.errors?.[0].message).toMatch(/in the future/);
    const votes = await admin()(ELECT, {
      input: {
        organizationId: fresh,
        heldOn: '2026-06-01',
        eligibleVoters: 5,
        votesCast: 6,
        committee: [{ personName: '某人', role: 'SECRETARY' }],
      },
    });
    expect(votes.errors?.[0].extensions?.field).toBe('votesCast');
    const badDate = await admin()(ELECT, {
      input: { organizationId: fresh, heldOn: '2026-02-30', committee: [{ personName: '某人', role: 'SECRETARY' }] },
    });
    expect(codeOf(badDate)).toBe('BAD_USER_INPUT');
    expect(badDate.errors?.[0].message).toMatch(/YYYY-MM-DD/);
  });

  it('appoints and ends appointments between elections, with a committee-changed event each', async () => {
    const before = (await stack.outbox()).filter((e) => e.type === 'organization.committee-changed').length;
    const appointed = await admin()(
      `mutation($id: ID!) { appointCommitteeMember(organizationId: $id, appointment: { personName: "陈静", role: PUBLICITY_MEMBER }) { id termEnd } }`,
      { id: dueSoon },
    );
    expect(appointed.data.appointCommitteeMember.termEnd).toBe('2026-12-10');
    const ended = await admin()(`mutation($id: ID!) { endCommitteeAppointment(id: $id) { endedOn } }`, {
      id: appointed.data.appointCommitteeMember.id,
    });
    expect(ended.data.endCommitteeAppointment.endedOn).toBe('2026-11-22');
    const twice = await admin()(`mutation($id: ID!) { endCommitteeAppointment(id: $id) { endedOn } }`, {
      id: appointed.data.appointCommitteeMember.id,
    });
    expect(codeOf(twice)).toBe('COMMITTEE_MEMBER_NOT_FOUND');
    const after = (await stack.outbox()).filter((e) => e.type === 'organization.committee-changed').length;
    expect(after - before).toBe(2);
  });
});
