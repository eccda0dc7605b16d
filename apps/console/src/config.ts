import { ConfigOf, concern, defineConfig, listen, mode, z } from '@partybuild/config';

const consoleMode = concern({
  NODE_ENV: mode.variables.NODE_ENV.describe("`production` hides the demo users and the developers' explorer"),
});

const gatewayLink = concern({
  GATEWAY_URL: z
    .string()
    .url()
    .default('http://127.0.0.1:4000/graphql')
    .describe("the gateway's GraphQL endpoint; the console forwards its requests there and nowhere else"),
  SIGN_IN_URL: z
    .string()
    .url()
    .optional()
    .describe("where the district's identity provider signs people in; unset: tokens are pasted on the sign-in page"),
});

export const consoleConfig = defineConfig(consoleMode, listen(4200), gatewayLink);

export type ConsoleConfig = ConfigOf<typeof consoleConfig>;

export const loadConsoleConfig = (env: NodeJS.ProcessEnv = process.env) => consoleConfig.load(env);
