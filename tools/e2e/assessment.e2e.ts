import { Role } from '@partybuild/auth';
import { eventually } from '@partybuild/testing';
import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';

describe('assessment subgraph', () => {
  let stack: TestStack;
  let root: string;
  let branch: string;
  const admin = () => stack.as(ADMIN, 'zh-CN');

  beforeAll(async () => {
    stack = await startTestStack();
    root = await createOrg(stack, { code: 'K', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    branch = await createOrg(stack, { code: 'K-1', name: '交通局机关党支部', kind: 'BRANCH', parentId: root });
    await eventually(
      async () =>
        (await stack.services.assessment.dataSource.query(`SELECT 1 FROM org_node WHERE id = ANY($1::uuid[])`, [[root, branch]])).length ===
        2
          ? true
          : undefined,
      15_000,
      'the organisations to reach the assessment service',
    );
  }, 60_000);
  afterAll(() => stack?.stop());

  it('answers through the gateway with the rules of the year', async () => {
    const result = await admin()(`{ assessmentRules(year: 2026) { topTenCount topTenMinScore modelPostRatio } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.assessmentRules).toEqual({ topTenCount: 10, topTenMinScore: 90, modelPostRatio: 0.1 });
  });

  it('records a secretary’s report once a year with its grade', async () => {
    const REPORT = `mutation($input: SecretaryReportInput!) { recordSecretaryReport(input: $input) { year grade secretaryName } }`;
    const input = { organizationId: branch, year: 2026, secretaryName: '张书记', grade: 'GOOD', summary: '履职尽责，党建与业务结合较好。' };
    expect((await admin()(REPORT, { input })).data.recordSecretaryReport).toEqual({ year: 2026, grade: 'GOOD', secretaryName: '张书记' });
    const again = await admin()(REPORT, { input });
    expect(codeOf(again)).toBe('REPORT_EXISTS');
    expect(again.errors?.[0].message).toBe('交通局机关党支部 2026 年度的书记述职评议已经登记。');
    const shown = await admin()(`query($o: ID!) { organization(id: $o) { secretaryReport(year: 2026) { grade } } }`, { o: branch });
    expect(shown.data.organization.secretaryReport).toEqual({ grade: 'GOOD' });
  });

  it('issues a notice whose rectification items are tracked to closed, listing the overdue ones', async () => {
    const ISSUE = `mutation($input: NoticeInput!, $key: String) { issueNotice(input: $input, idempotencyKey: $key) {
      id criticised rectifications { id item deadline status overdue } } }`;
    const input = {
      issuerId: root,
      title: '关于2026年第三季度党建工作抽查情况的通报',
      issuedOn: '2026-10-01',
      criticised: [branch],
      rectifications: [
        { ownerId: branch, item: '补齐三会一课记录', deadline: '2026-10-31' },
        { ownerId: branch, item: '按时收缴党费', deadline: '2026-12-31' },
      ],
    };
    const early = await admin()(ISSUE, {
      input: { ...input, rectifications: [{ ownerId: branch, item: '补齐', deadline: '2026-09-01' }] },
    });
    expect(codeOf(early)).toBe('DEADLINE_INVALID');
    const upward = await admin()(ISSUE, { input: { ...input, issuerId: branch, criticised: [root], rectifications: [] } });
    expect(codeOf(upward)).toBe('OUT_OF_SCOPE');
    const issued = await admin()(ISSUE, { input, key: 'notice-q3' });
    expect(issued.errors).toBeUndefined();
    expect((await admin()(ISSUE, { input, key: 'notice-q3' })).data.issueNotice.id).toBe(issued.data.issueNotice.id);
    const items = issued.data.issueNotice.rectifications;
    expect(items.map((i: any) => [i.item, i.status, i.overdue])).toEqual([
      ['补齐三会一课记录', 'OPEN', true],
      ['按时收缴党费', 'OPEN', false],
    ]);
    const overdue = await admin()(`query($o: ID!) { overdueRectifications(under: $o) { item } }`, { o: root });
    expect(overdue.data.overdueRectifications).toEqual([{ item: '补齐三会一课记录' }]);
    const closed = await admin()(`mutation($id: ID!) { closeRectification(id: $id, outcome: "已补齐记录") { status overdue closedOn } }`, {
      id: items[0].id,
    });
    expect(closed.data.closeRectification).toEqual({ status: 'CLOSED', overdue: true, closedOn: '2026-11-22' });
    expect((await admin()(`query($o: ID!) { overdueRectifications(under: $o) { item } }`, { o: root })).data.overdueRectifications).toEqual(
      [],
    );
    const cadre = stack.as({ subject: 'x', name: '其他单位', roles: [Role.PARTY_CADRE], scope: [root] }, 'zh-CN');
    const noticeList = await cadre(`query($o: ID!) { notices(under: $o, year: 2026) { title } }`, { o: branch });
    expect(noticeList.data.notices).toEqual([]);
  });
});
