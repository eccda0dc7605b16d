import { envSchemas, loadConfig, z } from '@partybuild/config';

const url = z.string().url();

export const gatewayEnv = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.string().default('info'),
  PORT: envSchemas.port.default(4000),
  /** The address to listen on: 127.0.0.1 on a workstation, 0.0.0.0 in a container. */
  HOST: envSchemas.host,
  /** Verifies users' sign-in tokens (JWT, HS256). */
  USER_TOKEN_SECRET: envSchemas.secret,
  /** Signs the caller header the subgraphs verify. */
  GATEWAY_SIGNING_SECRET: envSchemas.secret,
  /** The supergraph composed at build time (tools/compose). */
  SUPERGRAPH_PATH: z.string().default('apps/gateway/supergraph.graphql'),
  /** Development only: compose from the running subgraphs instead of the checked-in supergraph. */
  INTROSPECT_AND_COMPOSE: z.enum(['true', 'false']).default('false'),
  /** Where each subgraph answers; an unset one keeps the URL written in the supergraph. */
  ORGANIZATION_URL: url.optional(),
  MEMBERSHIP_URL: url.optional(),
  ACTIVITY_URL: url.optional(),
  ASSESSMENT_URL: url.optional(),
  PAIRING_URL: url.optional(),
  STATISTICS_URL: url.optional(),
  /** Longest a user token may be valid for (hours); a token without `exp` is refused. */
  MAX_TOKEN_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  /** Prometheus `/metrics` is served on this port only (none when unset), never on the public one. */
  METRICS_PORT: envSchemas.port.optional(),
  /** Interface of the metrics port: loopback unless the operator opens it. */
  METRICS_HOST: z.string().default('127.0.0.1'),
  /** On shutdown, how long /readyz answers 503 (so load balancers stop sending) before the server drains and closes. */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(120).default(0),
  MAX_DEPTH: z.coerce.number().int().positive().default(12),
  MAX_COST: z.coerce.number().int().positive().default(20000),
  MAX_ALIASES: z.coerce.number().int().positive().default(30),
};

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(gatewayEnv, env);

/** Subgraph name (as in the supergraph) → URL. */
export const subgraphUrls = (config: GatewayConfig): Record<string, string | undefined> => ({
  organization: config.ORGANIZATION_URL,
  membership: config.MEMBERSHIP_URL,
  activity: config.ACTIVITY_URL,
  assessment: config.ASSESSMENT_URL,
  pairing: config.PAIRING_URL,
  statistics: config.STATISTICS_URL,
});
