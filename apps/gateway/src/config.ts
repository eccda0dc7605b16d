import { ConfigOf, callerHeader, concern, defineConfig, listen, port, requestBody, runtime, secret, z } from '@partybuild/config';

/**
 * The subgraphs the gateway plans across, as named in the supergraph. Their URL variables are
 * made from this one list, so the configuration names exactly the services that exist.
 */
export const SUBGRAPHS = ['organization', 'membership', 'activity', 'assessment', 'pairing', 'statistics'] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number];

const urlVariable = (name: SubgraphName) => `${name.toUpperCase()}_URL` as `${Uppercase<SubgraphName>}_URL`;

const subgraphUrlVariables = Object.fromEntries(
  SUBGRAPHS.map((name) => [
    urlVariable(name),
    z.string().url().optional().describe(`where the ${name} subgraph answers (unset: the URL in the supergraph)`),
  ]),
) as Record<`${Uppercase<SubgraphName>}_URL`, z.ZodOptional<z.ZodString>>;

const supergraph = concern({
  SUPERGRAPH_PATH: z
    .string()
    .default('apps/gateway/supergraph.graphql')
    .describe('the supergraph composed at build time (`npm run compose`)'),
  INTROSPECT_AND_COMPOSE: z
    .enum(['true', 'false'])
    .default('false')
    .describe('development only: compose from the running subgraphs instead of the checked-in supergraph'),
  ...subgraphUrlVariables,
});

const tokens = concern({
  USER_TOKEN_SECRET: secret.describe("verifies users' sign-in tokens (JWT HS256, 32+ characters)"),
  MAX_TOKEN_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12)
    .describe('longest a sign-in token may be valid (hours); a token without `exp` is refused'),
});

const limits = concern({
  MAX_DEPTH: z.coerce.number().int().positive().default(12).describe('deepest query accepted'),
  MAX_COST: z.coerce.number().int().positive().default(20000).describe('highest estimated cost accepted'),
  MAX_ALIASES: z.coerce.number().int().positive().default(30).describe('most aliases in one query'),
  SUBGRAPH_TIMEOUT_SECONDS: z.coerce
    .number()
    .positive()
    .max(300)
    .default(30)
    .describe('how long a subgraph may take to answer before its fields fail with `SERVICE_UNAVAILABLE`'),
});

const operations = concern({
  METRICS_PORT: port.optional().describe('Prometheus `/metrics` only on this port (unset: not served), never on the public one'),
  METRICS_HOST: z.string().default('127.0.0.1').describe('interface of the metrics port: loopback unless the operator opens it'),
  SHUTDOWN_GRACE_SECONDS: z.coerce
    .number()
    .min(0)
    .max(120)
    .default(0)
    .describe('on shutdown, how long `/readyz` answers 503 (so load balancers stop sending) before the server drains'),
});

export const gatewayConfig = defineConfig(runtime, listen(4000), requestBody, tokens, callerHeader, supergraph, limits, operations);

export type GatewayConfig = ConfigOf<typeof gatewayConfig>;

export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env) => gatewayConfig.load(env);

/** Subgraph name (as in the supergraph) → URL. */
export const subgraphUrls = (config: GatewayConfig): Record<string, string | undefined> =>
  Object.fromEntries(SUBGRAPHS.map((name) => [name, config[urlVariable(name)]]));
