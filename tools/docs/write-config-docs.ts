/** `npm run docs:config`: rewrites the configuration table of every app README from the schemas. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_READMES, configTable, withConfigTable } from './config-docs';

for (const { readme, definition } of CONFIG_READMES) {
  const before = readFileSync(readme, 'utf8');
  const after = withConfigTable(before, configTable(definition), readme);
  if (after !== before) writeFileSync(readme, after);
  process.stdout.write(`${after === before ? 'unchanged' : 'written  '} ${path.relative(process.cwd(), readme)}\n`);
}
