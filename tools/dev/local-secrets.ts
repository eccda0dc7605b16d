import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { StackSecrets, newSecrets } from './stack';

/** Secrets of the local installation, made once and kept in .data so tokens survive restarts. */
export function localSecrets(dataDir: string): StackSecrets {
  const file = path.join(dataDir, 'secrets.json');
  // Secrets added in later versions are generated once and kept beside the existing ones.
  const secrets = { ...newSecrets(), ...(existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Partial<StackSecrets>) : {}) };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
