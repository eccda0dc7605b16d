import { Role } from '@partybuild/auth';
import { ADMIN, TestStack, codeOf, createTree, idNumber as validIdNumber, startTestStack } from './fixtures';

const idNumber = (birth: string, seq: number) => validIdNumber(birth, seq, '500103');

const REGISTER = `mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }`;
const ISSUE = `mutation($input: IssueTransferInput!) { issueTransfer(input: $input) { id state expiresOn destination } }`;
const PAY = `mutation($input: DuesPaymentInput!) { recordDuesPayment(input: $input) { months amountFen paidOn } }`;
const MEMBERS = `query($id: ID!) { organization(id: $id) { members { totalCount items { name } } } }`;

describe('transfers and dues through the gateway', () => {
  let stack: TestStack;
  let committee: string, branchA: string, branchB: string;
  const admin = () => stack.as(ADMIN);
  const cadreOfB = () => stack.as({ subject: 'cadre-b', name: '乙支部组织委员', roles: [Role.PARTY_CADRE], scope: [branchB] });
  const register = async (input: Record<string, unknown>) => {
    const result = await admin()(REGISTER, {
      input: { organizationId: branchA, category: 'IN_SERVICE', stage: 'FULL', joinedOn: '2010-07-01', ...input },
    });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data.registerMember.id as string;
  };
  const events = async (memberId: string) =>
    (
      await stack.services.membership.dataSource.query(`SELECT envelope FROM outbox WHERE message_key = $1 ORDER BY position`, [memberId])
    ).map((r: { envelope: any }) => r.envelope);

  beforeAll(async () => {
    stack = await startTestStack();
    ({ committee, branchA, branchB } = await createTree(stack, {
      root: { code: 'T', name: '区直机关工委', kind: 'WORKING_COMMITTEE' },
      committee: { code: 'T-CZ', name: '财政局机关党委', kind: 'PARTY_COMMITTEE', parent: 'root' },
      branchA: { code: 'T-CZ-01', name: '财政局第一党支部', kind: 'BRANCH', parent: 'committee' },
      branchB: { code: 'T-CZ-02', name: '财政局第二党支部', kind: 'BRANCH', parent: 'committee' },
    }));
  });
  afterAll(() => stack?.stop());

  it('refuses a transfer to a non-branch, to the same branch, and of a non-member', async () => {
    const member = await register({ name: '周一', idNumber: idNumber('1980-01-01', 11) });
    const applicant = await register({ name: '申请人', idNumber: idNumber('1999-01-01', 12), stage: 'APPLICANT', joinedOn: null });
    const toCommittee = await admin()(ISSUE, { input: { memberId: member, toOrganizationId: committee } });
    expect(codeOf(toCommittee)).toBe('TRANSFER_TARGET_NOT_BRANCH');
    expect(toCommittee.errors?.[0].message).toMatch(/财政局机关党委 cannot receive members: only an active branch/);
    const same = await admin()(ISSUE, { input: { memberId: member, toOrganizationId: branchA } });
    expect(codeOf(same)).toBe('TRANSFER_TO_SAME_BRANCH');
    expect(codeOf(await admin()(ISSUE, { input: { memberId: applicant, toOrganizationId: branchB } }))).toBe('NOT_A_MEMBER');
    expect((await stack.services.membership.dataSource.query(`SELECT count(*)::int AS n FROM member_transfer`))[0].n).toBe(0);
  });

  it('keeps the member in the sending branch until the receiving branch accepts', async () => {
    const member = await register({ name: '吴二', idNumber: idNumber('1981-02-02', 21) });
    const issued = await admin()(ISSUE, { input: { memberId: member, toOrganizationId: branchB } });
    expect(issued.data.issueTransfer).toMatchObject({ state: 'PENDING', expiresOn: '2027-02-22', destination: '财政局第二党支部' });
    expect(codeOf(await admin()(ISSUE, { input: { memberId: member, toOrganizationId: branchB } }))).toBe('TRANSFER_ALREADY_PENDING');
    expect((await admin()(MEMBERS, { id: branchA })).data.organization.members.items.map((m: { name: string }) => m.name)).toContain(
      '吴二',
    );
    const incoming = await cadreOfB()(
      `query($id: ID!) { memberTransfers(organizationId: $id) { totalCount items { state member { name } from { id } } } }`,
      { id: branchB },
    );
    expect(incoming.data.memberTransfers.items).toEqual([{ state: 'PENDING', member: { name: '吴二' }, from: { id: branchA } }]);
    const accepted = await cadreOfB()(`mutation($id: ID!) { acceptTransfer(id: $id) { state decidedOn } }`, {
      id: issued.data.issueTransfer.id,
    });
    expect(accepted.data.acceptTransfer).toEqual({ state: 'ACCEPTED', decidedOn: '2026-11-22' });
    expect((await admin()(MEMBERS, { id: branchB })).data.organization.members.items).toEqual([{ name: '吴二' }]);
    const transferred = (await events(member)).find((e: any) => e.type === 'membership.member.transferred');
    expect(transferred.data).toMatchObject({ fromOrganizationId: branchA, toOrganizationId: branchB, outOfDistrict: false });
    expect(transferred.organizationpath[transferred.organizationpath.length - 1]).toBe(branchB);
  });

  it('refuses an expired letter and records a transfer out of the district', async () => {
    const member = await register({ name: '郑三', idNumber: idNumber('1982-03-03', 31) });
    const old = await admin()(ISSUE, { input: { memberId: member, toOrganizationId: branchB, issuedOn: '2026-07-01' } });
    const late = await cadreOfB()(`mutation($id: ID!) { acceptTransfer(id: $id) { state } }`, { id: old.data.issueTransfer.id });
    expect(codeOf(late)).toBe('TRANSFER_EXPIRED');
    expect(late.errors?.[0].message).toMatch(/expired on 2026-10-01/);
    const sent = await admin()(
      `query($id: ID!) { memberTransfers(organizationId: $id, incoming: false) { items { state member { name } } } }`,
      { id: branchA },
    );
    expect(sent.data.memberTransfers.items.filter((t: any) => t.member.name === '郑三')).toEqual([
      { state: 'EXPIRED', member: { name: '郑三' } },
    ]);
    const out = await admin()(ISSUE, { input: { memberId: member, destination: '重庆市渝中区某街道党工委' } });
    expect(out.data.issueTransfer.state).toBe('LEFT_DISTRICT');
    const types = (await events(member)).map((e: any) => e.type);
    expect(types).toEqual(['membership.member.registered', 'membership.member.transferred', 'membership.member.status-changed']);
    const record = await admin()(`query($id: ID!) { member(id: $id) { status } }`, { id: member });
    expect(record.data.member.status).toBe('TRANSFERRED_OUT');
  });

  it('computes dues from the brackets and records payments, also ahead', async () => {
    const cases: Array<[string, number | null, number]> = [
      ['IN_SERVICE', 280_000, 1400],
      ['IN_SERVICE', 450_000, 4500],
      ['IN_SERVICE', 800_000, 12000],
      ['IN_SERVICE', 1_500_000, 30000],
      ['RETIRED', 600_000, 6000],
      ['FARMER', 50, 50],
      ['STUDENT', null, 20],
    ];
    for (const [i, [category, base, due]] of cases.entries()) {
      const id = await register({ name: `党费${i}`, idNumber: idNumber('1975-05-05', 100 + i), category, duesBaseFen: base });
      const { data } = await admin()(`query($id: ID!) { member(id: $id) { dues { monthlyDueFen } } }`, { id });
      expect({ category, base, due: data.member.dues.monthlyDueFen }).toEqual({ category, base, due });
    }
    const payer = await register({ name: '钱四', idNumber: idNumber('1983-04-04', 41), duesBaseFen: 800_000 });
    const paid = await admin()(PAY, { input: { memberId: payer, months: ['2026-12', '2026-11', '2027-01'], amountFen: 36000 } });
    expect(paid.data.recordDuesPayment).toEqual({ months: ['2026-11', '2026-12', '2027-01'], amountFen: 36000, paidOn: '2026-11-22' });
    const again = await admin()(PAY, { input: { memberId: payer, months: ['2027-01', '2027-02'] } });
    expect(codeOf(again)).toBe('DUES_ALREADY_PAID');
    expect(again.errors?.[0].message).toMatch(/2027-01 are already paid/);
    const wrong = await admin()(PAY, { input: { memberId: payer, months: ['2027-02'], amountFen: 100 } });
    expect(wrong.errors?.[0].message).toMatch(/due for 1 month\(s\) is 120\.00 yuan/);
    const applicant = await register({
      name: '非党员',
      idNumber: idNumber('1998-08-08', 81),
      stage: 'ACTIVIST',
      activistSince: '2026-01-01',
      joinedOn: null,
    });
    expect(codeOf(await admin()(PAY, { input: { memberId: applicant, months: ['2026-11'] } }))).toBe('NOT_A_MEMBER');
    const event = (await events(payer)).find((e: any) => e.type === 'membership.dues.paid');
    expect(event.data).toMatchObject({ months: ['2026-11', '2026-12', '2027-01'], amountFen: 36000 });
  });

  it('counts arrears, flags six consecutive unpaid months, and sums a collection', async () => {
    const behind = await register({ name: '孙五', idNumber: idNumber('1984-05-05', 51), duesBaseFen: 400_000, duesPaidThrough: '2026-04' });
    const slightly = await register({
      name: '李六',
      idNumber: idNumber('1985-06-06', 61),
      duesBaseFen: 400_000,
      duesPaidThrough: '2026-08',
    });
    await admin()(PAY, { input: { memberId: slightly, months: ['2026-10'] } });
    const arrears = await admin()(
      `query($id: ID!) { duesArrears(organizationId: $id) { items { member { name } unpaidMonths consecutiveUnpaid flagged owedFen } } }`,
      {
        id: committee,
      },
    );
    const byName = Object.fromEntries(arrears.data.duesArrears.items.map((i: any) => [i.member.name, i]));
    expect(byName['孙五']).toEqual({
      member: { name: '孙五' },
      unpaidMonths: ['2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'],
      consecutiveUnpaid: 6,
      flagged: true,
      owedFen: 24000,
    });
    const own = await admin()(`query($id: ID!) { member(id: $id) { dues { consecutiveUnpaid flagged paidMonths } } }`, { id: behind });
    expect(own.data.member.dues).toEqual({ consecutiveUnpaid: 6, flagged: true, paidMonths: [] });
    expect(byName['李六']).toMatchObject({ unpaidMonths: ['2026-09'], consecutiveUnpaid: 0, flagged: false });
    const summary = await admin()(
      `query($id: ID!) { duesSummary(organizationId: $id, period: "2026-10") { expectedFen collectedFen membersPaid membersInArrears flaggedMembers } }`,
      {
        id: branchA,
      },
    );
    expect(summary.errors).toBeUndefined();
    expect(summary.data.duesSummary).toMatchObject({ collectedFen: 4000, membersPaid: 1, flaggedMembers: 1 });
    expect(summary.data.duesSummary.expectedFen).toBeGreaterThan(summary.data.duesSummary.collectedFen);
    const year = await admin()(`query($id: ID!) { duesSummary(organizationId: $id, period: "2026") { collectedFen } }`, { id: committee });
    // 2026-11 and 2026-12 of the payment made ahead, and 李六's October.
    expect(year.data.duesSummary.collectedFen).toBe(24000 + 4000);
  });
});
