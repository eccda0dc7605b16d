// Runs a TypeScript entry point without a build step: swc transpiles on load (keeping
// decorator metadata, which type-graphql and TypeORM need) and tsconfig paths resolve
// the @partybuild/* libraries.
const path = require('node:path');
process.env.SWC_NODE_PROJECT ??= path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node tools/run.js <file.ts> [args...]\n');
  process.exit(2);
}
process.argv.splice(1, 1);
require(path.resolve(entry));
