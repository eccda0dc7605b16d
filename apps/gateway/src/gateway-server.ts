import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloGateway, IntrospectAndCompose } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { verifyUserToken } from '@partybuild/auth';
import { DomainError } from '@partybuild/errors';
import { createLogger } from '@partybuild/logging';
import { createMetrics } from '@partybuild/service';
import { GatewayConfig, subgraphUrls } from './config';
import { aliasLimit, costLimit, depthRule } from './limits';
import { formatGatewayError } from './format-error';
import { GatewayContext, SignedDataSource } from './signed-data-source';

export interface RunningGateway {
  url: string;
  port: number;
  stop(): Promise<void>;
}

function callerFrom(authorization: string | undefined, secret: string) {
  const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
  try {
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Please sign in: send your token as "Authorization: Bearer <token>".');
    return verifyUserToken(token, secret);
  } catch (error) {
    throw new GraphQLError((error as Error).message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  }
}

/** The one URL clients use: verifies the caller, enforces limits, plans across subgraphs. */
export async function startGateway(config: GatewayConfig): Promise<RunningGateway> {
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const production = config.NODE_ENV === 'production';
  const urls = subgraphUrls(config);
  const useIntrospection = config.INTROSPECT_AND_COMPOSE === 'true' && !production;
  const gateway = new ApolloGateway({
    ...(useIntrospection
      ? {
          supergraphSdl: new IntrospectAndCompose({
            subgraphs: Object.entries(urls).flatMap(([name, url]) => (url ? [{ name, url }] : [])),
          }),
        }
      : { supergraphSdl: readFileSync(config.SUPERGRAPH_PATH, 'utf8') }),
    buildService: ({ name, url }) => new SignedDataSource(urls[name] ?? url ?? '', config.GATEWAY_SIGNING_SECRET),
  });

  const app = express();
  const httpServer = http.createServer(app);
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    formatError: formatGatewayError(logger),
    validationRules: [depthRule(config.MAX_DEPTH), aliasLimit(config.MAX_ALIASES)],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      costLimit(config.MAX_COST),
      {
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue, response }) {
              response.http.headers.set('x-sql-queries', String(contextValue.sqlQueries));
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const metrics = createMetrics('gateway');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', service: 'gateway' });
  });
  app.get('/readyz', (_req, res) => {
    res.json({ status: 'ready', service: 'gateway' });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.contentType).send(await metrics.metrics());
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => ({ caller: callerFrom(req.header('authorization'), config.USER_TOKEN_SECRET), sqlQueries: 0 }),
    }),
  );

  await new Promise<void>((resolve) => httpServer.listen(config.PORT, config.HOST, resolve));
  const { port } = httpServer.address() as AddressInfo;
  logger.info({ port, composition: useIntrospection ? 'introspect-and-compose' : config.SUPERGRAPH_PATH }, 'gateway listening');
  return { url: `http://127.0.0.1:${port}/graphql`, port, stop: () => apollo.stop() };
}
