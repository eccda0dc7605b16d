import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '@partybuild/auth';
import { eventually } from '@partybuild/testing';
import { freePort } from '../dev/concurrency';
import { Launched, launch } from '../dev/launch';
import { SERVICES } from '../dev/services';
import { newSecrets } from '../dev/stack';
import { graphql } from '../dev/graphql-client';

const alive = (pid: number | undefined): boolean => {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** `npm start`'s shape: PostgreSQL, each service in its own process, supervised. */
describe('one process per service', () => {
  jest.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'partybuild-launch-'));
  const lines: string[] = [];
  let system: Launched;
  let token: string;
  const ask = (query: string, variables: Record<string, unknown> = {}) => graphql(system.gatewayUrl, token, query, variables);
  const create = (code: string) =>
    ask(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
      input: { code, name: `${code} 党委`, kind: 'PARTY_COMMITTEE', sector: 'AGENCY' },
    });

  beforeAll(async () => {
    const started = Date.now();
    system = await launch({
      dataDir,
      pgPort: await freePort(),
      gatewayPort: await freePort(),
      servicePorts: Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s.name, await freePort()]))),
      host: '127.0.0.1',
      eventTransport: 'embedded',
      databasePrefix: 'partybuild_',
      secrets: newSecrets(),
      logLevel: 'warn',
      write: (line) => lines.push(line),
    });
    process.stdout.write(
      `one process per service: every service ready in ${((Date.now() - started) / 1000).toFixed(1)} s (load ${os.loadavg()[0].toFixed(1)})\n`,
    );
    token = system.tokenFor({ subject: 'admin', name: '管理员', roles: [Role.DISTRICT_ADMIN], scope: [] });
  });
  afterAll(async () => {
    await system?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs every subgraph and the gateway in a process of its own', () => {
    const pids = [system.gateway.pid, ...system.services.map((s) => s.pid)];
    expect(system.services.map((s) => s.spec.name)).toEqual(SERVICES.map((s) => s.name));
    expect(pids.every(alive)).toBe(true);
    expect(new Set([...pids, process.pid, system.postgres!.pid]).size).toBe(pids.length + 2);
  });

  it('restarts a killed service, reports it, and loses nothing that was acknowledged', async () => {
    const before = await create('P-1');
    expect(before.errors).toBeUndefined();
    const organization = system.services.find((s) => s.spec.name === 'organization')!;
    const killed = organization.pid!;
    const back = organization.nextReady();
    process.kill(killed, 'SIGKILL');
    await back;

    expect(organization.pid).not.toBe(killed);
    expect(alive(organization.pid)).toBe(true);
    expect(organization.restartCount).toBe(1);
    expect(lines.join('\n')).toMatch(/\[supervisor\] organization exited unexpectedly \(SIGKILL\).*restarting/);
    expect(lines.join('\n')).toMatch(/\[supervisor\] organization restarted \(pid \d+\), ready again/);

    const after = await eventually(
      async () => {
        const result = await create('P-2');
        return result.errors ? undefined : result;
      },
      30_000,
      'a write through the gateway after the restart',
    );
    expect(after.data.createOrganization.id).toBeTruthy();
    const found = await ask(`query($id: ID!) { organization(id: $id) { code } }`, { id: before.data.createOrganization.id });
    expect(found.data.organization).toEqual({ code: 'P-1' });
  });

  it('stops the gateway, the services and PostgreSQL, leaving no process behind', async () => {
    const pids = [system.gateway.pid, ...system.services.map((s) => s.pid), system.postgres!.pid];
    await system.stop();
    expect(pids.filter(alive)).toEqual([]);
  });
});
