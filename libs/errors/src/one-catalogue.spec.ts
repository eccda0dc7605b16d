import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(full).isDirectory()) return sources(full);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') ? [full] : [];
  });
}

/**
 * Refusals are written once, in a catalogue (`defineErrors`), with a Chinese and an English
 * message. A `new DomainError(…)` or a hand-made GraphQLError with a message elsewhere is a
 * refusal that would reach district users in one language only.
 */
describe('one catalogue of refusals', () => {
  it('has no refusal written outside a catalogue', () => {
    const allowed = new Set(['libs/errors/src/catalogue.ts', 'libs/errors/src/common-errors.ts', 'libs/federation/src/format-error.ts']);
    const offenders = [...sources(path.join(ROOT, 'apps')), ...sources(path.join(ROOT, 'libs'))]
      .map((file) => path.relative(ROOT, file))
      .filter((file) => !allowed.has(file))
      .filter((file) => /new (DomainError|GraphQLError)\(/.test(readFileSync(path.join(ROOT, file), 'utf8')));
    // Re-raised with their wording kept: graphql-js's variable message and a subgraph's 400 at the
    // gateway, and the access table's catalogue refusals with the operation added.
    expect(offenders.sort()).toEqual(['apps/gateway/src/limits.ts', 'apps/gateway/src/signed-data-source.ts', 'libs/auth/src/access.ts']);
  });
});
