/**
 * `npm test`: every check and every test, against a real PostgreSQL and a real Kafka.
 *
 * Without arguments it goes through Nx, project by project, so a second run with nothing changed
 * reads every result from the cache (`.nx/cache`): first the checks (`check-supergraph`,
 * `check-deployment`, `typecheck`, `lint` of every project, two at a time), then one PostgreSQL and
 * one Kafka (started here unless TEST_POSTGRES_URL / KAFKA_BROKERS name running servers) for every
 * project's `test`, one project at a time. SKIP_STATIC_CHECKS=true leaves out the checks.
 *
 * With arguments (a path, a pattern, `-t name`) they go to one jest run over the workspace, after
 * the same checks run directly (tsc, ESLint, …) unless SKIP_STATIC_CHECKS=true.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { jestEnv, withTestServers } from './test-servers';

const root = path.resolve(__dirname, '..', '..');
const node = process.execPath;
const nxEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const STATIC_TARGETS = ['check-supergraph', 'check-deployment', 'typecheck', 'lint'];

class StepFailed extends Error {}

function step(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const started = Date.now();
  process.stdout.write(`\n▶ ${name}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    process.stdout.write(`✖ ${name} failed\n`);
    throw new StepFailed(name);
  }
  process.stdout.write(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)}s)\n`);
}

const nx = (targets: string[], parallel: number) => [
  'node_modules/nx/bin/nx.js',
  'run-many',
  '-t',
  ...targets,
  `--parallel=${parallel}`,
  '--outputStyle=static',
];

/** Every project's checks and tests through Nx: cached per project. */
async function throughNx(quick: boolean): Promise<void> {
  if (!quick) step('checks of every project (Nx, cached)', node, nx(STATIC_TARGETS, 2), nxEnv);
  // Tests use two jest workers and real servers each: one project at a time on a small machine.
  await withTestServers((servers) => step('tests of every project (Nx, cached)', node, nx(['test'], 1), { ...nxEnv, ...jestEnv(servers) }));
}

/** The same checks run once over the workspace, then one jest run with the caller's arguments. */
async function narrowed(quick: boolean, jestArgs: string[]): Promise<void> {
  if (!quick) {
    step('supergraph composes and matches the checked-in schema', node, ['tools/run.js', 'tools/compose/compose-supergraph.ts', '--check']);
    step('type check', node, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
    step('type check of the console (browser code)', node, ['node_modules/typescript/bin/tsc', '-p', 'apps/console/web/tsconfig.json']);
    // The boundary rule reads Nx's project graph, which must be computed first.
    step('project graph', node, ['node_modules/nx/bin/nx.js', 'show', 'projects'], nxEnv);
    step('module boundaries and lint', node, ['node_modules/eslint/bin/eslint.js', '--max-warnings=0', 'apps', 'libs', 'tools'], nxEnv);
    step('deployment files: Kustomize renders, Kubernetes schemas and rules, compose file', node, ['tools/k8s/check-deployment.mjs']);
  }
  await withTestServers((servers) => step('jest', node, ['node_modules/jest/bin/jest.js', ...jestArgs], jestEnv(servers)));
}

async function main(): Promise<number> {
  const jestArgs = process.argv.slice(2);
  const quick = process.env.SKIP_STATIC_CHECKS === 'true';
  try {
    await (jestArgs.length ? narrowed(quick, jestArgs) : throughNx(quick));
    return 0;
  } catch (error) {
    if (error instanceof StepFailed) return 1;
    throw error;
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
