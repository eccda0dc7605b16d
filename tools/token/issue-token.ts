/**
 * Prints a sign-in token for trying the API by hand.
 *   npm run token -- --role party-cadre --scope <organisationId> [--name 张伟] [--hours 8]
 *   npm run token -- --role member --member <memberId>     (a member sees their own record)
 * The secret comes from USER_TOKEN_SECRET, or from the local installation (.data/secrets.json).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Role, issueUserToken } from '@partybuild/auth';
import { localSecrets } from '../dev/local-secrets';

const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true, default: [Role.DISTRICT_ADMIN] },
    scope: { type: 'string', multiple: true, default: [] },
    name: { type: 'string', default: 'cli user' },
    subject: { type: 'string', default: 'cli' },
    hours: { type: 'string', default: '8' },
    member: { type: 'string' },
  },
});

const roles = values.role as string[];
const known = Object.values(Role) as string[];
const unknown = roles.filter((r) => !known.includes(r));
if (unknown.length) {
  process.stderr.write(`unknown role(s): ${unknown.join(', ')}; use one of ${known.join(', ')}\n`);
  process.exit(2);
}
const secret = process.env.USER_TOKEN_SECRET ?? localSecrets(path.resolve(process.env.DATA_DIR ?? '.data')).USER_TOKEN_SECRET;
const caller = {
  subject: values.subject as string,
  name: values.name as string,
  roles: roles as Role[],
  scope: values.scope as string[],
  ...(values.member ? { memberId: values.member } : {}),
};
process.stdout.write(`${issueUserToken(caller, secret, Number(values.hours) * 3600)}\n`);
