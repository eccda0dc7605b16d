import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Browser, BrowserContext, Page, chromium } from 'playwright-core';
import { Caller, Role, issueUserToken } from '@partybuild/auth';
import { RunningConsole, loadConsoleConfig, startConsole } from '@partybuild/app-console';
import { eventually } from '@partybuild/testing';
import { todayIn } from '@partybuild/calendar';
import { AssessmentEventType, STARS_RATED_SCHEMA_VERSION } from '@partybuild/contracts';
import { createEnvelope } from '@partybuild/events';
import { ensureConsoleBuilt } from '../dev/console';
import { ADMIN, TestStack, createTree, idNumber as validIdNumber, startTestStack } from './fixtures';

jest.setTimeout(240_000);

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.resolve(__dirname, '../../tmp/console-screenshots');
const idNumber = (birth: string, seq: number) => validIdNumber(birth, seq, '110105');
const REGISTER = `mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }`;

describe('the console in a real browser, with the network closed except the local stack', () => {
  let stack: TestStack;
  let app: RunningConsole;
  let browser: Browser;
  let context: BrowserContext;
  let branchA: string, branchB: string, committeeB: string;
  const blocked: string[] = [];
  let secretary: Caller;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(
        `The console's browser tests need Chromium at ${CHROMIUM} and it is not installed: apt-get install -y chromium (or set CHROMIUM_PATH).`,
      );
    }
    mkdirSync(SHOTS, { recursive: true });
    ensureConsoleBuilt();
    stack = await startTestStack();
    ({ branchA, committeeB, branchB } = await createTree(stack, {
      root: { code: 'C', name: '区直机关工委', kind: 'WORKING_COMMITTEE' },
      committeeA: { code: 'C-A', name: '交通局机关党委', kind: 'PARTY_COMMITTEE', parent: 'root' },
      branchA: { code: 'C-A-01', name: '交通局第一党支部', kind: 'BRANCH', parent: 'committeeA' },
      committeeB: { code: 'C-B', name: '钱塘镇党委', kind: 'PARTY_COMMITTEE', parent: 'root' },
      branchB: { code: 'C-B-01', name: '钱塘村党支部', kind: 'BRANCH', parent: 'committeeB' },
    }));
    const people: Array<[string, string, string]> = [
      [branchA, '张建国', idNumber('1978-05-01', 11)],
      [branchA, '李秀英', idNumber('1985-09-12', 22)],
      [branchA, '王志强', idNumber('1990-02-03', 33)],
      [branchB, '赵德明', idNumber('1969-12-24', 44)],
    ];
    for (const [organizationId, name, id] of people) {
      const result = await stack.as(ADMIN)(REGISTER, {
        input: { organizationId, name, idNumber: id, stage: 'FULL', category: 'IN_SERVICE', joinedOn: '2010-07-01' },
      });
      if (result.errors) throw new Error(JSON.stringify(result.errors));
    }
    await eventually(
      async () => {
        const [{ n }] = await stack.services.activity.dataSource.query(`SELECT count(*)::int AS n FROM member WHERE organization_id = $1`, [
          branchA,
        ]);
        return n === 3 ? true : undefined;
      },
      15_000,
      'the members to reach the activity service',
    );
    secretary = { subject: 'secretary-a', name: '第一支部书记', roles: [Role.PARTY_CADRE], scope: [branchA] };
    app = await startConsole(loadConsoleConfig({ NODE_ENV: 'test', PORT: '0', GATEWAY_URL: stack.gatewayUrl }), {
      demoUsers: [
        { label: '支部书记', description: '交通局第一党支部', token: stack.tokenFor(secretary) },
        {
          label: '乡镇党委组织委员',
          description: '钱塘镇党委',
          token: stack.tokenFor({ subject: 'cadre-b', name: '镇组织委员', roles: [Role.PARTY_CADRE], scope: [committeeB] }),
        },
      ],
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
    // Only the local stack answers: anything else the page tries to load is refused and remembered.
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return route.continue();
      blocked.push(url.href);
      return route.abort();
    });
  });
  afterEach(() => context?.close());

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await stack?.stop();
  });

  const signIn = async (page: Page, who: string) => {
    const started = Date.now();
    await page.goto(app.url);
    await page.getByRole('button', { name: new RegExp(who) }).click();
    await page.getByRole('navigation', { name: '组织树' }).getByRole('button').filter({ hasText: /党/ }).first().waitFor();
    return Date.now() - started;
  };

  it('a branch secretary records a meeting once (even double-clicked) and sees the branch figures move', async () => {
    const page = await context.newPage();
    const interactiveMs = await signIn(page, '支部书记');
    writeFileSync(path.join(SHOTS, 'first-page-timing.txt'), `sign-in to tree interactive: ${interactiveMs} ms\n`);
    await page.goto(`${app.url}#/dashboard/${branchA}`);
    const monthly = page.getByRole('region', { name: '组织生活开展次数（按月）' });
    await monthly.getByRole('button', { name: '看数据' }).click();
    const november = monthly.getByRole('row', { name: /^11月/ });
    expect(await november.textContent()).toBe('11月0');
    await page.screenshot({ path: path.join(SHOTS, 'dashboard.png'), fullPage: true });

    await page.getByRole('link', { name: '支部工作' }).click();
    await page.getByLabel('主题').fill('学习贯彻党的二十届四中全会精神');
    await page.getByLabel('召开日期').fill('2026-11-20');
    await page.getByLabel('王志强的出勤').selectOption('EXCUSED');
    await page.screenshot({ path: path.join(SHOTS, 'record-meeting.png'), fullPage: true });
    await page.getByRole('button', { name: '保存' }).dblclick();
    await page.getByText(/已登记“学习贯彻党的二十届四中全会精神”：出席 2 人.*请假 1 人/).waitFor();
    const [{ n }] = await stack.services.activity.dataSource.query(`SELECT count(*)::int AS n FROM activity WHERE host_id = $1`, [branchA]);
    expect(n).toBe(1);

    // The figures come from the statistics service, which learns of the meeting from its event.
    await page.goto(`${app.url}#/dashboard/${branchA}`);
    await eventually(
      async () => {
        await page.reload();
        await monthly.getByRole('button', { name: '看数据' }).click();
        return (await november.textContent({ timeout: 5_000 })) === '11月1' ? true : undefined;
      },
      20_000,
      'the monthly chart to count the meeting',
    );
    const quarterly = page.getByRole('region', { name: '三会一课落实率（按季度）' });
    await quarterly.getByRole('button', { name: '看数据' }).click();
    // A quarter not yet over may have nothing due yet: its rate reads “—”, never a made-up 0 %.
    expect(await quarterly.getByRole('row', { name: /^第三季度/ }).textContent()).toMatch(/^第三季度\d+(\.\d)?%$/);
    expect(await quarterly.getByRole('row', { name: /^第四季度/ }).textContent()).toMatch(/^第四季度(\d+(\.\d)?%|—)$/);
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-after-meeting.png'), fullPage: true });
  });

  it('shows the star rating of the branch as a chart with its numbers one click away', async () => {
    // The assessment service announces a closed year's stars; the statistics count them for the dashboard.
    await stack.publish([
      createEnvelope('assessment', {
        type: AssessmentEventType.STARS_RATED,
        aggregateId: randomUUID(),
        organizationId: branchA,
        organizationPath: [branchA],
        actor: 'test',
        schemaVersion: STARS_RATED_SCHEMA_VERSION,
        data: {
          organizationId: branchA,
          organizationKind: 'BRANCH',
          year: Number(todayIn('Asia/Shanghai').slice(0, 4)),
          stars: 4,
          finalScore: 88,
          vetoed: false,
          topTen: { count: 10, minScore: 90 },
          pioneerIndex: { members: 3, points: 36 },
        },
      }),
    ]);
    const page = await context.newPage();
    await signIn(page, '支部书记');
    await page.goto(`${app.url}#/dashboard/${branchA}`);
    const stars = page.getByRole('region', { name: '评星定级（星级分布）' });
    await eventually(
      async () => {
        await page.reload();
        await stars.getByRole('button', { name: '看数据' }).click();
        return (await stars.getByRole('row', { name: /^4星/ }).textContent({ timeout: 5_000 })) === '4星1' ? true : undefined;
      },
      20_000,
      'the star chart to count the rating',
    );
    expect(await stars.getByRole('row', { name: /^5星/ }).textContent()).toBe('5星0');
    const kpis = page.getByRole('definition').filter({ hasText: '12.00' });
    expect(await kpis.count()).toBe(1);
    expect(await page.getByRole('region', { name: '结对服务（按类型）' }).count()).toBe(1);
    const download = page.waitForEvent('download');
    await stars.getByRole('button', { name: '下载 CSV' }).click();
    expect((await download).suggestedFilename()).toMatch(/^评星定级-C-A-01-\d{4}\.csv$/);
    await page.screenshot({ path: path.join(SHOTS, 'dashboard-assessment-pairing.png'), fullPage: true });
  });

  it('a cadre of another subtree cannot see the branch’s members, and is told why in Chinese', async () => {
    const page = await context.newPage();
    await signIn(page, '乡镇党委组织委员');
    await page.goto(`${app.url}#/roster/${branchA}`);
    const alert = page.getByRole('alert').first();
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/[\u4e00-\u9fa5]/);
    expect(await page.content()).not.toContain('张建国');
    await page.goto(`${app.url}#/roster/${branchB}`);
    await page.getByRole('rowheader', { name: '赵德明' }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'roster.png'), fullPage: true });
  });

  it('an .xlsx roster with one bad row imports nothing and names the row and column; a fake spreadsheet is refused', async () => {
    const page = await context.newPage();
    await signIn(page, '支部书记');
    await page.goto(`${app.url}#/roster/${branchA}`);
    await page.getByRole('rowheader', { name: '张建国' }).waitFor();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('花名册');
    sheet.addRow(['姓名', '身份证号', '人员类别', '所在支部编码']);
    sheet.addRow(['陈晓明', idNumber('1992-03-04', 55), '在职', 'C-A-01']);
    sheet.addRow(['刘小红', '110105199201019999', '在职', 'C-A-01']);
    const file = path.join(SHOTS, 'roster-with-bad-row.xlsx');
    await book.xlsx.writeFile(file);
    await page.locator('input[type=file]').setInputFiles(file);
    const report = page.getByRole('alert', { name: '导入问题' });
    await report.waitFor();
    expect(await report.textContent()).toMatch(/第 3 行.*身份证号/);
    const [{ n }] = await stack.services.membership.dataSource.query(`SELECT count(*)::int AS n FROM member WHERE organization_id = $1`, [
      branchA,
    ]);
    expect(n).toBe(3);

    const fake = path.join(SHOTS, 'not-a-spreadsheet.xlsx');
    writeFileSync(fake, '姓名,身份证号\n');
    await page.locator('input[type=file]').setInputFiles(fake);
    await page.getByText('不是有效的 Excel 工作簿').waitFor();
  });

  it('an expired sign-in returns to the sign-in page and keeps what was typed', async () => {
    const page = await context.newPage();
    await page.goto(app.url);
    await page.getByLabel('登录令牌').fill(stack.tokenFor(secretary));
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.goto(`${app.url}#/branch/${branchA}`);
    await page.getByLabel('主题').fill('还没保存的主题');
    // The sign-in ends while the form is open: the gateway now refuses the tab's token as expired.
    const expired = issueUserToken(secretary, stack.secrets.USER_TOKEN_SECRET, -60);
    await page.evaluate((token) => {
      // Runs in the page, where sessionStorage exists.
      const storage = (globalThis as unknown as { sessionStorage: { getItem(k: string): string; setItem(k: string, v: string): void } })
        .sessionStorage;
      const session = JSON.parse(storage.getItem('partybuild.session'));
      storage.setItem('partybuild.session', JSON.stringify({ ...session, token, expiresAt: null }));
    }, expired);
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('登录已过期').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'sign-in.png'), fullPage: true });
    await page.getByRole('button', { name: /支部书记/ }).click();
    await page.goto(`${app.url}#/branch/${branchA}`);
    expect(await page.getByLabel('主题').inputValue()).toBe('还没保存的主题');
  });

  it('a development step the rules refuse is explained, with the first day it becomes possible', async () => {
    const young = await stack.as(ADMIN)(REGISTER, {
      input: { organizationId: branchA, name: '周小青', idNumber: idNumber('2010-02-03', 66), category: 'STUDENT' },
    });
    if (young.errors) throw new Error(JSON.stringify(young.errors));
    const page = await context.newPage();
    await signIn(page, '支部书记');
    await page.goto(`${app.url}#/branch/${branchA}`);
    await page.getByLabel('人员').selectOption({ label: '周小青（入党申请人）' });
    await page.getByLabel('步骤').selectOption({ index: 1 });
    await page.getByLabel('日期', { exact: true }).fill('2026-11-01');
    await page.getByRole('button', { name: '记录' }).click();
    await page.getByText('最早可于 2028-02-03 办理这一步。').waitFor();
    expect(await page.getByRole('alert').first().textContent()).toMatch(/18/);
    await page.screenshot({ path: path.join(SHOTS, 'development-step-refused.png'), fullPage: true });
  });

  it('offers developers an explorer (GraphiQL) that runs a query with no internet', async () => {
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (error) => failures.push(error.message));
    await signIn(page, '支部书记');
    await page.goto(`${app.url}explorer.html`);
    // The editor is ready once it shows the default query; then run it.
    await page.locator('.graphiql-query-editor').getByText('myOrganizations').first().waitFor();
    await page.getByRole('button', { name: /Execute query/ }).click();
    await page.locator('.graphiql-response').getByText('交通局第一党支部').first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS, 'explorer.png') });
    expect(failures).toEqual([]);
    // A production console does not serve it.
    const production = await startConsole(loadConsoleConfig({ NODE_ENV: 'production', PORT: '0', GATEWAY_URL: stack.gatewayUrl }));
    try {
      expect((await fetch(`${production.url}explorer.html`)).status).toBe(404);
    } finally {
      await production.stop();
    }
  });

  it('loaded nothing from outside the local stack', () => {
    expect(blocked).toEqual([]);
  });
});
