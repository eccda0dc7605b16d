import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLSchema } from 'graphql';
import type { Registry } from 'prom-client';
import type { Caller } from '@partybuild/auth';
import { createErrorFormatter, RequestContext } from '@partybuild/federation';
import { Logger, currentRequestScope, requestScope } from '@partybuild/logging';
import { beginQueryCount } from '@partybuild/persistence';
import { traceRequests } from '@partybuild/telemetry';
import { callerGuard } from './caller-guard';
import { jsonBodyErrors, noPhoningHome, operationNaming } from './http-hygiene';
import { withDatabaseOutages } from './service-errors';

export interface SubgraphServerOptions<C extends RequestContext> {
  name: string;
  port: number;
  host?: string;
  /** Largest request body accepted (MB). */
  maxRequestMegabytes?: number;
  schema: GraphQLSchema;
  gatewaySecret: string;
  logger: Logger;
  metrics: Registry;
  production: boolean;
  createContext(caller: Caller, requestId: string, log: Logger): C;
  isReady(): Promise<boolean>;
  /** Parts that do not work right now although the service answers (e.g. a consumer waiting for Kafka). */
  degraded?(): string[];
}

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The SQL statements a request cost, reported to the gateway for benchmarks and N+1 checks. */
const sqlCountPlugin: ApolloServerPlugin<RequestContext & { sql?: { count: number } }> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        if (contextValue.sql) response.http.headers.set('x-sql-queries', String(contextValue.sql.count));
      },
    };
  },
};

/** HTTP for one subgraph: /graphql behind the gateway guard, /healthz, /readyz, /metrics. */
export async function startSubgraphServer<C extends RequestContext>(options: SubgraphServerOptions<C>): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  // Longer than the gateway's idle keep-alive, so the gateway never reuses a socket this side is closing.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const apollo = new ApolloServer<C>({
    schema: options.schema,
    introspection: !options.production,
    includeStacktraceInErrorResponses: false,
    formatError: withDatabaseOutages(createErrorFormatter(options.logger)),
    plugins: [
      ...(noPhoningHome() as ApolloServerPlugin<C>[]),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      // No field carries a cache hint; the cache-control plugin's per-field hook would make Apollo
      // wrap every field's resolver (450 wrapped calls for a page of 50 members).
      ApolloServerPluginCacheControlDisabled(),
      operationNaming as ApolloServerPlugin<C>,
      // The statement count is a development aid (benchmarks, N+1 checks), not for production.
      ...(options.production ? [] : [sqlCountPlugin as ApolloServerPlugin<C>]),
    ],
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: options.name });
  });
  app.get('/readyz', async (_req, res) => {
    const ready = await options.isReady().catch(() => false);
    const degraded = options.degraded?.() ?? [];
    res
      .status(ready ? 200 : 503)
      .json({ status: ready ? 'ready' : 'not ready', service: options.name, ...(degraded.length ? { degraded } : {}) });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(options.metrics.contentType).send(await options.metrics.metrics());
  });
  app.use(
    '/graphql',
    express.json({ limit: `${options.maxRequestMegabytes ?? 16}mb` }),
    requestScope(options.logger),
    traceRequests(),
    callerGuard(options.gatewaySecret),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const sql = beginQueryCount();
        const scope = currentRequestScope();
        const requestId = scope?.requestId ?? String(req.header('x-request-id'));
        const idempotencyKey = req.header('idempotency-key') ?? null;
        return Object.assign(options.createContext(req.caller!, requestId, scope?.log ?? options.logger), { sql, idempotencyKey });
      },
    }),
  );
  app.use(jsonBodyErrors(options.logger));

  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? '127.0.0.1', resolve));
  const { port } = httpServer.address() as AddressInfo;
  options.logger.info({ port }, `${options.name} subgraph listening`);
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    stop: () => apollo.stop(),
  };
}
