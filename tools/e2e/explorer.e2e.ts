import { existsSync } from 'node:fs';
import { chromium, Browser } from 'playwright-core';
import { ADMIN, TestStack, createOrg, startTestStack } from './fixtures';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const present = existsSync(CHROMIUM);
if (!present) process.stderr.write(`explorer test skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium)\n`);

/**
 * The development explorer in a real headless Chromium with every request to anything but
 * this machine blocked, as on an offline intranet: it must render and run a query.
 */
(present ? describe : describe.skip)(`GraphiQL explorer in headless Chromium (${CHROMIUM}; apt-get install -y chromium)`, () => {
  let stack: TestStack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startTestStack();
    await createOrg(stack, { code: 'EXP', name: '浏览器测试党委', kind: 'PARTY_COMMITTEE' });
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('renders from the installed packages and runs a query, with the network beyond this machine blocked', async () => {
    const context = await browser.newContext();
    const blocked: string[] = [];
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
      blocked.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    const token = stack.tokenFor(ADMIN);
    const query = `{ searchOrganizations(name: "浏览器") { totalCount items { name } } }`;
    const headers = JSON.stringify({ authorization: `Bearer ${token}` });
    // What a user would have typed into the query editor and the Headers tab.
    await page.addInitScript({
      content: `localStorage.setItem('graphiql:query', ${JSON.stringify(query)}); localStorage.setItem('graphiql:headers', ${JSON.stringify(headers)});`,
    });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    const response = await page.goto(stack.gatewayUrl, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toMatch(/default-src 'self'/);
    await page.waitForSelector('.graphiql-container', { timeout: 30_000 });
    await page.click('.graphiql-execute-button');
    // A locator, not a function: the page's Content-Security-Policy forbids evaluating strings.
    await page.locator('.graphiql-response', { hasText: '浏览器测试党委' }).waitFor({ timeout: 30_000 });
    expect(await page.textContent('.graphiql-response')).toMatch(/"totalCount": 1/);
    expect(blocked).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('is not served in production', async () => {
    const production = await startTestStack({ nodeEnv: 'production' });
    try {
      const html = await fetch(production.gatewayUrl, { headers: { accept: 'text/html' } });
      expect(await html.text()).not.toMatch(/graphiql/i);
      expect((await fetch(production.gatewayUrl.replace(/\/graphql$/, '/explorer/graphiql.js'))).status).toBe(404);
    } finally {
      await production.stop();
    }
  });
});
