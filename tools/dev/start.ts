/**
 * `npm start`: the whole system on one machine with nothing else installed — a real
 * PostgreSQL (embedded, data in .data/), then every subgraph in its own process, then the
 * gateway — supervised (a service that dies is restarted and reported) and seeded with a demo
 * district. Prints the URL and an admin token. Ctrl+C stops the gateway, then the services
 * (each flushes its outbox and its consumers leave their groups), then PostgreSQL.
 *
 * Environment (all optional): PARTYBUILD_POSTGRES_URL (use an external server instead),
 * EVENT_TRANSPORT=kafka with KAFKA_BROKERS, HOST (default 127.0.0.1), GATEWAY_PORT,
 * <SERVICE>_PORT, PG_PORT, DATA_DIR, LOG_LEVEL.
 */
import path from 'node:path';
import { Role } from '@partybuild/auth';
import { SERVICES } from './services';
import { localSecrets } from './local-secrets';
import { launch } from './launch';
import { seedDemoDistrict } from '../seed/demo-district';
import { seedDemoAssessment } from '../seed/demo-assessment';
import { demoUsers, startLocalConsole } from './console';
import { seedDemoAtScale } from '../seed/demo-scale';
import { seedDemoPairing } from '../seed/demo-pairing';
import { todayIn } from '@partybuild/calendar';

async function main() {
  const started = Date.now();
  const dataDir = path.resolve(process.env.DATA_DIR ?? '.data');
  const external = process.env.PARTYBUILD_POSTGRES_URL;
  const transport = process.env.EVENT_TRANSPORT === 'kafka' ? 'kafka' : 'embedded';
  const write = (line: string) => process.stdout.write(`${line}\n`);

  const system = await launch({
    dataDir,
    postgresUrl: external,
    pgPort: Number(process.env.PG_PORT ?? 54329),
    gatewayPort: Number(process.env.GATEWAY_PORT ?? 4000),
    servicePorts: Object.fromEntries(SERVICES.map((s) => [s.name, Number(process.env[`${s.name.toUpperCase()}_PORT`] ?? s.defaultPort)])),
    host: process.env.HOST ?? '127.0.0.1',
    eventTransport: transport,
    kafkaBrokers: process.env.KAFKA_BROKERS,
    databasePrefix: 'partybuild_',
    secrets: localSecrets(dataDir),
    logLevel: process.env.LOG_LEVEL ?? 'info',
    write,
  });

  let stopping = false;
  let stopConsole: () => Promise<void> = async () => undefined;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    write(`\n${signal}: stopping the console and the gateway, then the services, then PostgreSQL…`);
    const began = Date.now();
    await stopConsole();
    await system.stop();
    write(`stopped in ${((Date.now() - began) / 1000).toFixed(1)} s`);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const readySeconds = ((Date.now() - started) / 1000).toFixed(1);
  const seedToken = system.tokenFor({ subject: 'seed', name: 'Demo seed', roles: [Role.DISTRICT_ADMIN], scope: [] });
  const { rootId, created } = await seedDemoDistrict(system.gatewayUrl, seedToken);
  // Urban–rural pairing of the hand-made villages, once, when the district is new.
  if (created) await seedDemoPairing(system.gatewayUrl, seedToken);
  if (created) await seedDemoAssessment(system.gatewayUrl, seedToken, todayIn(process.env.TIME_ZONE ?? 'Asia/Shanghai'));
  const adminToken = system.tokenFor({ subject: 'admin', name: '区委组织部管理员', roles: [Role.DISTRICT_ADMIN], scope: [rootId] });
  const consoleApp = await startLocalConsole(
    system.gatewayUrl,
    await demoUsers(system.gatewayUrl, adminToken, system.tokenFor),
    Number(process.env.CONSOLE_PORT ?? 4200),
    'development',
  );
  stopConsole = () => consoleApp.stop();

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  write(
    [
      '',
      `Party-building platform is running (every service ready in ${readySeconds}s, seeded by ${seconds}s; ${created ? `seeded ${created} demo organisations` : 'demo district already present'}).`,
      `  Console (web):    ${consoleApp.url}   (sign in as one of the demo users)`,
      `  Explorer:         ${consoleApp.url}explorer.html   (GraphiQL, for developers)`,
      `  GraphQL gateway:  ${system.gatewayUrl}   (pid ${system.gateway.pid})`,
      ...system.services.map((s) => `  ${s.spec.name.padEnd(16)}  ${s.spec.readyUrl.replace(/\/readyz$/, '/graphql')}   (pid ${s.pid})`),
      `  Events:           ${transport === 'kafka' ? `Kafka at ${process.env.KAFKA_BROKERS}` : 'embedded log (table event_log in database partybuild_events)'}`,
      `  PostgreSQL:       ${system.postgres ? `embedded on 127.0.0.1:${system.postgres.port} (pid ${system.postgres.pid}), data in ${path.join(dataDir, 'postgres')}` : 'external'}`,
      '',
      'Admin token (district administrator, valid 8 hours):',
      adminToken,
      '',
      'Try:',
      `  curl -s ${system.gatewayUrl} -H 'content-type: application/json' -H "authorization: Bearer <token>" \\`,
      `    -d '{"query":"{ organizationByCode(code: \\"HC\\") { name children { items { name kind } } } }"}'`,
      '',
      created
        ? 'The demo grows to the Hechuan essay’s scale in the background (233 more branches, their members, a year of meetings).'
        : '',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  // The large demo is added after the URLs are printed, so a fresh start is usable at once.
  const growing = Date.now();
  const elapsed = () => `${((Date.now() - growing) / 1000).toFixed(1)}s`;
  seedDemoAtScale(system.gatewayUrl, seedToken, todayIn(process.env.TIME_ZONE ?? 'Asia/Shanghai'), write)
    .then(async (scale) => {
      if (!scale) return;
      write(`demo: ${scale.branches} branches and ${scale.members} members added in ${elapsed()}`);
      write(`demo: ${await scale.meetings} meetings with attendance recorded in ${elapsed()}`);
    })
    .catch((error: Error) => write(`demo growth stopped: ${error.message}`));
}

main().catch((error) => {
  process.stderr.write(`start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
