import { eventually } from '@partybuild/testing';
import { csvLine } from '@partybuild/app-membership';
import { OrgTree } from '@partybuild/org-tree';
import { ADMIN, TestStack, codeOf, createTree, idNumber as validIdNumber, startTestStack } from './fixtures';

const idNumber = (birth: string, seq: number) => validIdNumber(birth, seq, '500112');

const REGISTER = `mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }`;
const ISSUE = `mutation($input: IssueTransferInput!) { issueTransfer(input: $input) { id state } }`;
const ACCEPT = `mutation($id: ID!, $on: LocalDate) { acceptTransfer(id: $id, on: $on) { state decidedOn } }`;
const PAY = `mutation($input: DuesPaymentInput!) { recordDuesPayment(input: $input) { months } }`;
const STEP = `mutation($id: ID!, $input: DevelopmentStepInput!) { recordDevelopmentStep(memberId: $id, input: $input) { lastStep } }`;
const IMPORT = `mutation($csv: String!) { importMembers(csv: $csv, allOrNothing: true) { imported errors { row column code message } } }`;

describe('membership rules: placement, impossible dates', () => {
  let stack: TestStack;
  let branchA: string, branchB: string, closed: string;
  const admin = () => stack.as(ADMIN, 'zh-CN');
  const count = async (table: string) =>
    Number((await stack.services.membership.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const register = async (input: Record<string, unknown>) => {
    const result = await admin()(REGISTER, { input: { organizationId: branchA, category: 'IN_SERVICE', ...input } });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return result.data.registerMember.id as string;
  };

  beforeAll(async () => {
    stack = await startTestStack();
    ({ branchA, branchB, closed } = await createTree(stack, {
      root: { code: 'R', name: '区直机关工委', kind: 'WORKING_COMMITTEE' },
      committee: { code: 'R-SW', name: '水务局机关党委', kind: 'PARTY_COMMITTEE', parent: 'root' },
      branchA: { code: 'R-SW-01', name: '水务局第一党支部', kind: 'BRANCH', parent: 'committee' },
      branchB: { code: 'R-SW-02', name: '水务局第二党支部', kind: 'BRANCH', parent: 'committee' },
      closed: { code: 'R-SW-09', name: '水务局原第九党支部', kind: 'BRANCH', parent: 'committee' },
    }));
    const dissolved = await admin()(`mutation($id: ID!) { dissolveOrganization(id: $id) { status } }`, { id: closed });
    expect(dissolved.errors).toBeUndefined();
    const tree = new OrgTree(stack.services.membership.dataSource.manager);
    await eventually(
      async () => ((await tree.node(closed))?.status === 'DISSOLVED' ? true : undefined),
      15_000,
      'the dissolution to reach the membership service',
    );
  });
  afterAll(() => stack?.stop());

  it('refuses to register a member into a dissolved branch, with the same code as the CSV import', async () => {
    const before = { members: await count('member'), outbox: await count('outbox') };
    const registered = await admin()(REGISTER, {
      input: { organizationId: closed, name: '钱七', idNumber: idNumber('1980-05-05', 11), category: 'IN_SERVICE' },
    });
    expect(codeOf(registered)).toBe('BRANCH_DISSOLVED');
    expect(registered.errors?.[0].message).toMatch(/水务局原第九党支部已撤销/);
    const imported = await admin()(IMPORT, {
      csv: ['name,idNumber,category,branchCode,stage', csvLine(['钱七', idNumber('1980-05-05', 11), '在职', 'R-SW-09', '申请人'])].join(
        '\r\n',
      ),
    });
    expect(imported.data.importMembers.imported).toBe(0);
    expect(imported.data.importMembers.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'branchCode', code: 'BRANCH_DISSOLVED', message: registered.errors?.[0].message }),
    ]);
    expect({ members: await count('member'), outbox: await count('outbox') }).toEqual(before);
  });

  it('refuses transfers issued in 1900 or accepted before they were issued, stating the allowed range', async () => {
    const member = await register({ name: '孙八', idNumber: idNumber('1978-03-03', 21), stage: 'FULL', joinedOn: '2005-07-01' });
    const ancient = await admin()(ISSUE, { input: { memberId: member, toOrganizationId: branchB, issuedOn: '1900-01-01' } });
    expect(codeOf(ancient)).toBe('DATE_OUT_OF_RANGE');
    expect(ancient.errors?.[0].message).toBe('介绍信开具日期（1900-01-01）不在允许的范围内：应在 2025-11-22 至 2026-11-22 之间。');
    expect(ancient.errors?.[0].extensions).toMatchObject({ field: 'issuedOn', earliest: '2025-11-22', latest: '2026-11-22' });
    const issued = await admin()(ISSUE, { input: { memberId: member, toOrganizationId: branchB, issuedOn: '2026-11-10' } });
    expect(issued.errors).toBeUndefined();
    const early = await admin()(ACCEPT, { id: issued.data.issueTransfer.id, on: '2026-11-01' });
    expect(codeOf(early)).toBe('DATE_OUT_OF_RANGE');
    expect(early.errors?.[0].extensions).toMatchObject({ earliest: '2026-11-10', latest: '2026-11-22' });
    const accepted = await admin()(ACCEPT, { id: issued.data.issueTransfer.id, on: '2026-11-12' });
    expect(accepted.data.acceptTransfer).toEqual({ state: 'ACCEPTED', decidedOn: '2026-11-12' });
  });

  it('refuses a step in the year 0000, dues for 1900 and a history before the Party existed', async () => {
    const applicant = await register({ name: '周九', idNumber: idNumber('1990-06-06', 31) });
    const step = await admin()(STEP, { id: applicant, input: { step: 'APPLICATION_SUBMITTED', on: '0000-01-01' } });
    expect(codeOf(step)).toBe('DATE_OUT_OF_RANGE');
    expect(step.errors?.[0].message).toMatch(/步骤日期（0000-01-01）.*2016-11-22 至 2026-11-22/);
    const member = await register({ name: '吴十', idNumber: idNumber('1960-07-07', 41), stage: 'FULL', joinedOn: '1990-07-01' });
    const dues = await admin()(PAY, { input: { memberId: member, months: ['1900-01'] } });
    expect(codeOf(dues)).toBe('DATE_OUT_OF_RANGE');
    const paidLongAgo = await admin()(PAY, { input: { memberId: member, months: ['2026-10'], paidOn: '1900-01-01' } });
    expect(codeOf(paidLongAgo)).toBe('DATE_OUT_OF_RANGE');
    const history = await admin()(REGISTER, {
      input: {
        organizationId: branchA,
        name: '郑一',
        idNumber: idNumber('1910-01-01', 51),
        category: 'RETIRED',
        stage: 'FULL',
        joinedOn: '1920-01-01',
      },
    });
    expect(codeOf(history)).toBe('DATE_OUT_OF_RANGE');
    expect(history.errors?.[0].message).toMatch(/入党日期（1920-01-01）.*1921-07-01/);
  });

  it('returns the first result to a repeated registration or dues payment with the same idempotency key', async () => {
    const send = async (query: string, variables: Record<string, unknown>, key: string) => {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.tokenFor(ADMIN)}`, 'idempotency-key': key },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data?: any; errors?: Array<{ extensions?: { code?: string } }> };
    };
    const before = await count('member');
    const input = {
      organizationId: branchA,
      name: '冯二',
      idNumber: idNumber('1975-08-08', 61),
      category: 'IN_SERVICE',
      stage: 'FULL',
      joinedOn: '2000-07-01',
    };
    const registered = await Promise.all([1, 2, 3].map(() => send(REGISTER, { input }, 'register-feng')));
    expect(registered.map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    expect(new Set(registered.map((r) => r.data.registerMember.id)).size).toBe(1);
    expect(await count('member')).toBe(before + 1);
    const memberId = registered[0].data.registerMember.id;
    const paid = await send(PAY, { input: { memberId, months: ['2026-11'] } }, 'dues-feng-2026-11');
    const repeated = await send(PAY, { input: { memberId, months: ['2026-11'] } }, 'dues-feng-2026-11');
    expect(repeated).toEqual(paid);
    expect(repeated.data.recordDuesPayment.months).toEqual(['2026-11']);
  });
});
