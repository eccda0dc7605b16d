/**
 * `npm run affected -- -t test` (or `-t typecheck lint test`): `nx affected` with one PostgreSQL
 * and one Kafka for every project's tests (started here unless TEST_POSTGRES_URL / KAFKA_BROKERS
 * name running servers), instead of a pair per project. Arguments go to `nx affected`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { jestEnv, withTestServers } from './test-servers';

const root = path.resolve(__dirname, '..', '..');
const args = process.argv.slice(2);

withTestServers(
  (servers) =>
    spawnSync(process.execPath, ['node_modules/nx/bin/nx.js', 'affected', ...(args.length ? args : ['-t', 'test'])], {
      cwd: root,
      stdio: 'inherit',
      env: { ...jestEnv(servers), NX_NO_CLOUD: 'true' },
    }).status ?? 1,
).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
