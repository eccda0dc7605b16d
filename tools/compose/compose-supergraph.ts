/**
 * Composes the supergraph from the subgraphs' code, at build time.
 *   node tools/run.js tools/compose/compose-supergraph.ts          write the SDL files
 *   node tools/run.js tools/compose/compose-supergraph.ts --check  fail on composition errors
 *                                                                  or on unreviewed changes
 */
import 'reflect-metadata';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { SERVICES } from '../dev/services';

const root = path.resolve(__dirname, '..', '..');
const SUPERGRAPH_FILE = 'apps/gateway/supergraph.graphql';

async function main() {
  const check = process.argv.includes('--check');
  const outputs = new Map<string, string>();
  const services = [];
  for (const service of SERVICES) {
    const sdl = printSubgraphSchema(await service.buildSchema());
    outputs.set(`apps/${service.name}/schema.graphql`, `${sdl.trim()}\n`);
    services.push({ name: service.name, url: `http://127.0.0.1:${service.defaultPort}/graphql`, typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) {
    for (const error of result.errors) process.stderr.write(`composition error: ${error.message}\n`);
    process.exit(1);
  }
  outputs.set(SUPERGRAPH_FILE, `${result.supergraphSdl.trim()}\n`);

  let stale = 0;
  for (const [file, content] of outputs) {
    const target = path.join(root, file);
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current === content) continue;
    if (check) {
      stale += 1;
      process.stderr.write(`${file} differs from what the code composes: run "npm run compose" and review the change.\n`);
    } else {
      writeFileSync(target, content);
      process.stdout.write(`wrote ${file}\n`);
    }
  }
  if (stale) process.exit(1);
  process.stdout.write(check ? 'supergraph composes and matches the checked-in schema\n' : 'supergraph composed\n');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
