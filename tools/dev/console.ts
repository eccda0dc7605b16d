import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { Caller, Role } from '@partybuild/auth';
import { CONSOLE_DIST, DemoUser, RunningConsole, loadConsoleConfig, startConsole } from '@partybuild/app-console';
import { mustQuery } from './graphql-client';

const root = path.resolve(__dirname, '..', '..');
const WEB = path.join(root, 'apps', 'console', 'web');

/** Builds the console from the installed packages when its sources are newer than the last build. */
export function ensureConsoleBuilt(): void {
  const built = path.join(CONSOLE_DIST, 'index.html');
  if (existsSync(built) && newestChange(WEB) <= statSync(built).mtimeMs) return;
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/console/vite.config.mjs'],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (result.status !== 0) throw new Error('the console could not be built (see the messages above)');
}

function newestChange(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : statSync(full).mtimeMs);
  }
  return newest;
}

const FIND = `query($code: String!) { organizationByCode(code: $code) { id name } }`;

/**
 * The demo district's people, one per role, as the sign-in page of a local installation offers
 * them: each token is what the platform would issue that person, with that person's scope.
 */
export async function demoUsers(gatewayUrl: string, adminToken: string, tokenFor: (caller: Caller) => string): Promise<DemoUser[]> {
  const org = async (code: string) =>
    (await mustQuery<{ organizationByCode: { id: string; name: string } }>(gatewayUrl, adminToken, FIND, { code })).organizationByCode;
  const [district, branch, township] = await Promise.all([org('HC'), org('HC-JT-01'), org('HC-QT')]);
  const user = (label: string, description: string, caller: Caller): DemoUser => ({ label, description, token: tokenFor(caller) });
  return [
    user('区委组织部管理员', `全区：${district.name}`, {
      subject: 'demo-admin',
      name: '区委组织部管理员',
      roles: [Role.DISTRICT_ADMIN],
      scope: [district.id],
    }),
    user('支部书记', `${branch.name}：登记会议、出勤、党员`, {
      subject: 'demo-secretary',
      name: '支部书记',
      roles: [Role.PARTY_CADRE],
      scope: [branch.id],
    }),
    user('乡镇党委组织委员', `${township.name}及下级组织`, {
      subject: 'demo-township-cadre',
      name: '乡镇党委组织委员',
      roles: [Role.PARTY_CADRE],
      scope: [township.id],
    }),
    user('统计分析人员', '只看汇总数据，不看个人信息', {
      subject: 'demo-analyst',
      name: '统计分析人员',
      roles: [Role.ANALYST],
      scope: [district.id],
    }),
  ];
}

/** Starts the console beside the gateway for a local installation. */
export async function startLocalConsole(gatewayUrl: string, users: DemoUser[], port: number, nodeEnv: string): Promise<RunningConsole> {
  ensureConsoleBuilt();
  return startConsole(loadConsoleConfig({ NODE_ENV: nodeEnv, PORT: String(port), GATEWAY_URL: gatewayUrl }), { demoUsers: users });
}
