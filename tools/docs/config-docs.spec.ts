import { readFileSync } from 'node:fs';
import { CONFIG_READMES, configTable, withConfigTable } from './config-docs';

describe('the configuration tables of the app READMEs', () => {
  it.each(CONFIG_READMES.map((entry) => [entry.app, entry] as const))(
    '%s: the table is what the schemas give (run `npm run docs:config`)',
    (_app, entry) => {
      const readme = readFileSync(entry.readme, 'utf8');
      expect(readme).toBe(withConfigTable(readme, configTable(entry.definition), entry.readme));
    },
  );
});
