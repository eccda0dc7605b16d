// Nx plugin: every project of apps/ and libs/ (and tools/) gets the same real targets, inferred
// here once instead of written into each project.json:
//   typecheck  its files and what they import (tools/nx/project-tsc.ts)          cached
//   lint       ESLint with the module-boundary rule                                cached
//   test       jest over its own specs and e2e tests (tools/test/project-tests.ts) cached
//   build      apps only: JavaScript in dist/<project> (the console: its web page too) cached
//   check-supergraph  gateway only: the subgraphs compose into the checked-in supergraph  cached
//   check-deployment  tools only: Kustomize renders, Kubernetes schemas, compose file     cached
// Inputs say what each result depends on, so `nx affected` and the cache are exact.
const path = require('node:path');

const node = 'node tools/run.js';

/** The files a target reads besides the project and its dependencies' production code. */
const toolInputs = (...files) => files.map((file) => `{workspaceRoot}/${file}`);

function targetsOf(root) {
  const isApp = root.startsWith('apps/');
  const targets = {
    typecheck: {
      command: `${node} tools/nx/project-tsc.ts typecheck {projectRoot}`,
      inputs: ['default', '^production', ...toolInputs('tsconfig.json', 'tools/nx/project-tsc.ts')],
      outputs: [],
      cache: true,
    },
    lint: {
      command: 'node node_modules/eslint/bin/eslint.js --max-warnings=0 {projectRoot}',
      inputs: ['default', ...toolInputs('eslint.config.js')],
      outputs: [],
      cache: true,
    },
    test: {
      command: `${node} tools/test/project-tests.ts {projectRoot}`,
      inputs: ['default', '^production', ...toolInputs('jest.config.js', 'tools/test/project-tests.ts', 'tools/test/test-servers.ts')],
      outputs: [],
      cache: true,
      // Each run uses two jest workers and real servers: one project at a time on a small machine.
      parallelism: false,
    },
  };
  if (root === 'apps/gateway') {
    targets['check-supergraph'] = {
      command: `${node} tools/compose/compose-supergraph.ts --check`,
      // Every subgraph's schema is code in apps/ and libs/: any of it can change the composition.
      inputs: ['{projectRoot}/supergraph.graphql', ...toolInputs('apps/*/src/**/*.ts', 'libs/*/src/**/*.ts', 'tools/compose/**/*')],
      outputs: [],
      cache: true,
    };
  }
  if (root === 'tools') {
    targets['check-deployment'] = {
      command: 'node tools/k8s/check-deployment.mjs',
      inputs: toolInputs('infra/**/*', 'tools/k8s/**/*'),
      outputs: [],
      cache: true,
    };
  }
  if (root === 'apps/console') {
    targets.typecheck.command = [targets.typecheck.command, 'node node_modules/typescript/bin/tsc -p apps/console/web/tsconfig.json'].join(
      ' && ',
    );
  }
  if (isApp) {
    const assets = { 'apps/gateway': ['supergraph.graphql'], 'apps/console': ['dist'] }[root] ?? [];
    const compile = `${node} tools/nx/project-tsc.ts build {projectRoot}${assets.map((a) => ` --asset ${a}`).join('')}`;
    targets.build = {
      command:
        root === 'apps/console' ? `node node_modules/vite/bin/vite.js build --config apps/console/vite.config.mjs && ${compile}` : compile,
      inputs: [
        'production',
        '^production',
        ...toolInputs('infra/image/tsconfig.json', 'infra/image/link-libraries.js', 'tools/nx/project-tsc.ts'),
      ],
      outputs:
        root === 'apps/console' ? ['{workspaceRoot}/dist/{projectRoot}', '{projectRoot}/dist'] : ['{workspaceRoot}/dist/{projectRoot}'],
      cache: true,
    };
  }
  return targets;
}

exports.createNodesV2 = [
  '{apps/*,libs/*,tools}/project.json',
  async (files) =>
    files.map((file) => {
      const root = path.dirname(file);
      return [file, { projects: { [root]: { targets: targetsOf(root) } } }];
    }),
];
