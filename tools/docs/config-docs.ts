/** Each deployable's configuration table in its README, generated from its schemas between two markers. */
import path from 'node:path';
import { configTable } from '@partybuild/config';
import { organizationConfig } from '@partybuild/app-organization';
import { membershipConfig } from '@partybuild/app-membership';
import { activityConfig } from '@partybuild/app-activity';
import { assessmentConfig } from '@partybuild/app-assessment';
import { pairingConfig } from '@partybuild/app-pairing';
import { statisticsConfig } from '@partybuild/app-statistics';
import { gatewayConfig } from '@partybuild/app-gateway';
import { consoleConfig } from '@partybuild/app-console';

const root = path.resolve(__dirname, '..', '..');

export const CONFIG_READMES = [
  { app: 'organization', definition: organizationConfig },
  { app: 'membership', definition: membershipConfig },
  { app: 'activity', definition: activityConfig },
  { app: 'assessment', definition: assessmentConfig },
  { app: 'pairing', definition: pairingConfig },
  { app: 'statistics', definition: statisticsConfig },
  { app: 'gateway', definition: gatewayConfig },
  { app: 'console', definition: consoleConfig },
].map((entry) => ({ ...entry, readme: path.join(root, 'apps', entry.app, 'README.md') }));

export const BEGIN = '<!-- config-table: generated from src/config.ts by `npm run docs:config`; change the schemas, not this table -->';
export const END = '<!-- /config-table -->';

/** The README with its table replaced by the one the schemas give; refuses a README without the markers. */
export function withConfigTable(readme: string, table: string, file: string): string {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${file}: no configuration table markers (${BEGIN} … ${END})`);
  return `${readme.slice(0, begin + BEGIN.length)}\n\n${table}\n\n${readme.slice(end)}`;
}

export { configTable };
