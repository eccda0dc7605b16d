import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { CommonErrors, DomainError } from '@partybuild/errors';
import { toGraphQLError } from '@partybuild/federation';
import { createLogger, currentRequestScope, requestScope } from '@partybuild/logging';
import { createMetrics, jsonBodyErrors, noPhoningHome, operationNaming } from '@partybuild/service';
import { traceRequests } from '@partybuild/telemetry';
import { GatewayConfig, subgraphUrls } from './config';
import { aliasLimit, costLimit, depthRule } from './limits';
import { formatGatewayError } from './format-error';
import { GatewayContext, SignedDataSource } from './signed-data-source';
import { subgraphReadiness } from './readiness';
import { startMetricsServer } from './metrics-server';
import { gatewayMetrics } from './request-metrics';
import { subgraphFetcher } from './subgraph-fetcher';
import { compressLargeAnswers } from './compression';
import { VerifiedCallers } from './verified-callers';

export interface RunningGateway {
  url: string;
  port: number;
  /** Where `/metrics` answers, when METRICS_PORT is set. */
  metricsUrl?: string;
  stop(): Promise<void>;
}

/** The verified caller of a request and the header that carries it to the subgraphs; a refusal is a 401. */
function callerFrom(authorization: string | undefined, callers: VerifiedCallers) {
  const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
  try {
    if (!token) throw CommonErrors.NOT_SIGNED_IN();
    const caller = callers.callerOf(token);
    return { caller, callerHeader: callers.headerFor(token, caller) };
  } catch (error) {
    throw toGraphQLError(error instanceof DomainError ? error : CommonErrors.TOKEN_INVALID(), 401);
  }
}

/** The one URL clients use: verifies the caller, enforces limits, plans across subgraphs. */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const production = config.NODE_ENV === 'production';
  const urls = subgraphUrls(config);
  const useIntrospection = config.INTROSPECT_AND_COMPOSE === 'true' && !production;
  const supergraphSdl = useIntrospection ? null : readFileSync(config.SUPERGRAPH_PATH, 'utf8');
  // @apollo/gateway otherwise exports its own metrics to Apollo and runs cloud resource
  // detectors (GCP, AWS, Azure and Alibaba metadata endpoints) from its constructor; the only
  // switch is this variable, so it is set here rather than left to the operator.
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
  const metrics = createMetrics('gateway');
  const observed = gatewayMetrics(metrics);
  const fetcher = subgraphFetcher({ timeoutMs: config.SUBGRAPH_TIMEOUT_SECONDS * 1000 });
  const callers = new VerifiedCallers(config.USER_TOKEN_SECRET, config.GATEWAY_SIGNING_SECRET, config.MAX_TOKEN_HOURS);
  const gateway = new ApolloGateway({
    ...(supergraphSdl
      ? { supergraphSdl }
      : {
          supergraphSdl: new IntrospectAndCompose({
            subgraphs: Object.entries(urls).flatMap(([name, url]) => (url ? [{ name, url }] : [])),
          }),
        }),
    buildService: ({ name, url }) =>
      observed.measureFetches(name, new SignedDataSource(urls[name] ?? url ?? '', config.GATEWAY_SIGNING_SECRET, fetcher)),
    logger,
  });

  const app = express();
  app.disable('x-powered-by');
  // An ETag is a hash of every answer: POSTed GraphQL answers are never revalidated with it.
  app.disable('etag');
  const httpServer = http.createServer(app);
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  let draining = false;
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    formatError: observed.countErrors(formatGatewayError(logger)),
    validationRules: [depthRule(config.MAX_DEPTH), aliasLimit(config.MAX_ALIASES)],
    plugins: [
      ...noPhoningHome(),
      // Apollo's landing page (Sandbox) loads from Apollo's CDN and Google Fonts: never served.
      ApolloServerPluginLandingPageDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      operationNaming,
      observed.operationTypes,
      costLimit(config.MAX_COST),
      // The statement count is a development aid (benchmarks, N+1 checks), not for production.
      ...(production
        ? []
        : [
            {
              async requestDidStart() {
                return {
                  async willSendResponse({ contextValue, response }: { contextValue: GatewayContext; response: any }) {
                    response.http.headers.set('x-sql-queries', String(contextValue.sqlQueries));
                  },
                };
              },
            },
          ]),
    ],
  });
  await apollo.start();

  const readiness = subgraphReadiness(supergraphSdl, urls);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/readyz', async (_req, res) => {
    if (draining) return void res.status(503).json({ status: 'draining', service: 'gateway' });
    const subgraphs = await readiness();
    const ready = Object.values(subgraphs).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', service: 'gateway', subgraphs });
  });
  app.use(
    '/graphql',
    express.json({ limit: `${config.MAX_REQUEST_MEGABYTES}mb` }),
    requestScope(logger),
    traceRequests(),
    observed.measureRequests,
    compressLargeAnswers,
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const scope = currentRequestScope();
        return {
          ...callerFrom(req.header('authorization'), callers),
          sqlQueries: 0,
          requestId: scope?.requestId,
          acceptLanguage: req.header('accept-language'),
        };
      },
    }),
  );
  app.use(jsonBodyErrors(logger));

  await new Promise<void>((resolve) => httpServer.listen(config.PORT, config.HOST, resolve));
  const { port } = httpServer.address() as AddressInfo;
  const metricsServer =
    config.METRICS_PORT !== undefined ? await startMetricsServer(metrics, config.METRICS_PORT, config.METRICS_HOST) : null;
  logger.info(
    { port, metricsPort: metricsServer?.port, composition: useIntrospection ? 'introspect-and-compose' : config.SUPERGRAPH_PATH },
    'gateway listening',
  );
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    port,
    metricsUrl: metricsServer?.url,
    stop: async () => {
      draining = true;
      await new Promise((resolve) => setTimeout(resolve, config.SHUTDOWN_GRACE_SECONDS * 1000));
      await apollo.stop();
      await metricsServer?.stop();
    },
  };
}
