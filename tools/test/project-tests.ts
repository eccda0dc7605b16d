/**
 * One Nx project's tests (its `test` target): jest over the project's own `*.spec.ts` and
 * `*.e2e.ts`, against the servers of TEST_POSTGRES_URL / KAFKA_BROKERS or ones started for it.
 *
 *   node tools/run.js tools/test/project-tests.ts libs/events [jest options]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { jestEnv, withTestServers } from './test-servers';

const root = path.resolve(__dirname, '..', '..');

async function main(): Promise<number> {
  const [projectRoot, ...jestArgs] = process.argv.slice(2);
  if (!projectRoot) {
    process.stderr.write('usage: project-tests.ts <projectRoot> [jest options]\n');
    return 2;
  }
  // Anchored at the project's folder: `tools` must not match a path that merely contains it.
  const escaped = `${path.join(root, projectRoot)}${path.sep}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const jest = ['node_modules/jest/bin/jest.js', '--testPathPattern', `^${escaped}`, ...jestArgs];
  // A project without tests starts no servers.
  const listed = spawnSync(process.execPath, [...jest, '--listTests'], { cwd: root, encoding: 'utf8' });
  if (listed.status === 0 && listed.stdout.trim() === '') {
    process.stdout.write(`${projectRoot}: no tests\n`);
    return 0;
  }
  return withTestServers(
    (servers) => spawnSync(process.execPath, jest, { cwd: root, stdio: 'inherit', env: jestEnv(servers) }).status ?? 1,
  );
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
