import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Role } from '@partybuild/auth';
import { EmbeddedPostgres, startEmbeddedPostgres } from '@partybuild/persistence';
import { eventually } from '@partybuild/testing';
import { freePort } from '../dev/concurrency';
import { Launched, launch } from '../dev/launch';
import { SERVICES } from '../dev/services';
import { newSecrets } from '../dev/stack';
import { graphql } from '../dev/graphql-client';

/** PostgreSQL restarting under running services (each in its own process, as under npm start). */
describe('a PostgreSQL restart', () => {
  jest.setTimeout(240_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'partybuild-pg-restart-'));
  let postgres: EmbeddedPostgres;
  let pgPort: number;
  let system: Launched;
  let token: string;
  const lines: string[] = [];
  const ask = (query: string, variables: Record<string, unknown> = {}) => graphql(system.gatewayUrl, token, query, variables);
  const create = (code: string) =>
    ask(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, {
      input: { code, name: `${code} 党委`, kind: 'PARTY_COMMITTEE', sector: 'AGENCY' },
    });

  beforeAll(async () => {
    pgPort = await freePort();
    postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: pgPort, durable: false });
    system = await launch({
      dataDir,
      postgresUrl: postgres.urlFor('postgres'),
      pgPort,
      gatewayPort: await freePort(),
      servicePorts: Object.fromEntries(await Promise.all(SERVICES.map(async (s) => [s.name, await freePort()]))),
      host: '127.0.0.1',
      eventTransport: 'embedded',
      databasePrefix: 'partybuild_',
      secrets: newSecrets(),
      logLevel: 'warn',
      write: (line) => lines.push(line),
    });
    token = system.tokenFor({ subject: 'admin', name: '管理员', roles: [Role.DISTRICT_ADMIN], scope: [] });
  });
  afterAll(async () => {
    if (process.env.RESTART_TEST_LOG) require('node:fs').writeFileSync(process.env.RESTART_TEST_LOG, lines.join('\n'));
    await system?.stop().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('crashes no service: they answer SERVICE_UNAVAILABLE meanwhile and reconnect by themselves', async () => {
    const before = await create('R-1');
    expect(before.errors).toBeUndefined();

    await postgres.stop();
    const refused = await create('R-2');
    const code = refused.errors?.[0]?.extensions?.code;
    // The services' own log says what they met, should the code be another.
    if (code !== 'SERVICE_UNAVAILABLE') throw new Error(`${JSON.stringify(refused.errors)}\n${lines.slice(-8).join('\n')}`);
    expect(refused.errors?.[0]?.message).toMatch(/数据库暂时无法连接/);
    const read = await ask(`query($id: ID!) { organization(id: $id) { code } }`, { id: before.data.createOrganization.id });
    expect(read.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');

    postgres = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pg'), port: pgPort, durable: false });
    const after = await eventually(
      async () => {
        const result = await create('R-3');
        return result.errors ? undefined : result;
      },
      30_000,
      'a write after PostgreSQL came back',
    );
    expect(after.data.createOrganization.id).toBeTruthy();
    const found = await ask(`query($id: ID!) { organization(id: $id) { code } }`, { id: before.data.createOrganization.id });
    expect(found.data.organization).toEqual({ code: 'R-1' });

    expect(system.services.map((s) => [s.spec.name, s.restartCount])).toEqual(SERVICES.map((s) => [s.name, 0]));
    expect(lines.join('\n')).not.toMatch(/exited unexpectedly/);
  });
});
