import { envSchemas, loadConfig, z } from '@partybuild/config';

export const consoleEnv = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: envSchemas.port.default(4200),
  /** Where the console listens: 127.0.0.1 on a workstation, 0.0.0.0 in a container. */
  HOST: z.string().default('127.0.0.1'),
  /** The gateway's GraphQL endpoint; the console forwards its requests there and nowhere else. */
  GATEWAY_URL: z.string().url().default('http://127.0.0.1:4000/graphql'),
  /** Where the district's identity provider signs people in; empty: tokens are pasted on the sign-in page. */
  SIGN_IN_URL: z.string().url().optional(),
};

export type ConsoleConfig = ReturnType<typeof loadConsoleConfig>;

export const loadConsoleConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(consoleEnv, env);
