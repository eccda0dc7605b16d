import { parseArgs } from 'node:util';

/** Where the databases of an installation are: one server, one database per service with a common prefix. */
export function databaseArgs(argv = process.argv.slice(2)) {
  const { values } = parseArgs({
    args: argv,
    options: {
      postgres: {
        type: 'string',
        default: process.env.PARTYBUILD_POSTGRES_URL ?? 'postgres://postgres:partybuild@127.0.0.1:54329/postgres',
      },
      prefix: { type: 'string', default: 'partybuild_' },
      period: { type: 'string', default: String(new Date().getFullYear()) },
    },
    allowPositionals: false,
  });
  const urlFor = (database: string) => {
    const url = new URL(values.postgres as string);
    url.pathname = `/${values.prefix}${database}`;
    return url.toString();
  };
  return { urlFor, period: values.period as string };
}
