import type { GraphQLSchema } from 'graphql';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import type { Registry } from 'prom-client';
import type { Caller } from '@partybuild/auth';
import type { SubgraphServiceConfig } from '@partybuild/config';
import { EventTransport, OutboxRelay, createTransport } from '@partybuild/events';
import type { RequestContext } from '@partybuild/federation';
import { Logger, createLogger } from '@partybuild/logging';
import { ensureDatabase, openDataSource } from '@partybuild/persistence';
import { createMetrics, exposeStats } from './metrics';
import { exposeConsumerLag, exposeOutboxBacklog } from './event-metrics';
import { RunningServer, startSubgraphServer } from './subgraph-server';

/** A subgraph's configuration, as the shared concerns of libs/config declare it (a service adds its own). */
export type ServiceEnv = SubgraphServiceConfig;

export interface ServiceDefinition<C extends RequestContext> {
  name: string;
  env: ServiceEnv;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: MixedList<Function | string>;
  buildSchema(): Promise<GraphQLSchema>;
  createContext(deps: ServiceDeps, caller: Caller, requestId: string, log: Logger): C;
  /** False for a service that only consumes (it has no outbox, so no relay runs). */
  publishesEvents?: boolean;
  /** Consumers and other background work, started once the database is ready. */
  startWorkers?(deps: ServiceDeps): Promise<Array<{ stop(): Promise<void> }>>;
  logger?: Logger;
}

export interface ServiceDeps {
  dataSource: DataSource;
  transport: EventTransport;
  relay: OutboxRelay;
  logger: Logger;
  /** The service's Prometheus registry, for workers to add their own metrics. */
  metrics: Registry;
}

export interface RunningService extends RunningServer, ServiceDeps {}

/**
 * Starts one subgraph service: its database (migrated), its outbox relay, its workers and
 * its HTTP server. Stopping reverses the order: no new requests, drain, flush the outbox,
 * stop consumers (committing their offsets), close the pools.
 */
export async function startService<C extends RequestContext>(def: ServiceDefinition<C>): Promise<RunningService> {
  const logger = def.logger ?? createLogger(def.name, def.env.LOG_LEVEL);
  const production = def.env.NODE_ENV === 'production';
  if (!production) await ensureDatabase(def.env.DATABASE_URL);
  const dataSource = await openDataSource({ url: def.env.DATABASE_URL, entities: def.entities, migrations: def.migrations });
  const transport = createTransport(def.env, `partybuild-${def.name}`, logger);
  const relay = new OutboxRelay({ dataSource, transport, logger });
  if (def.publishesEvents !== false) relay.start();
  const metrics = createMetrics(def.name);
  exposeStats(metrics, 'partybuild_outbox', relay.stats);
  if (def.publishesEvents !== false) exposeOutboxBacklog(metrics, dataSource, logger);
  exposeConsumerLag(metrics, transport, logger);
  const deps: ServiceDeps = { dataSource, transport, relay, logger, metrics };
  const workers = (await def.startWorkers?.(deps)) ?? [];

  const server = await startSubgraphServer<C>({
    name: def.name,
    port: def.env.PORT,
    host: def.env.HOST,
    maxRequestMegabytes: def.env.MAX_REQUEST_MEGABYTES,
    schema: await def.buildSchema(),
    gatewaySecret: def.env.GATEWAY_SIGNING_SECRET,
    logger,
    metrics,
    production,
    createContext: (caller, requestId, log) => def.createContext(deps, caller, requestId, log),
    isReady: async () => dataSource.isInitialized && (await dataSource.query('SELECT 1')).length === 1,
    // Writes go to the outbox and do not need the broker: a consumer waiting for it leaves the
    // service ready, and readiness says what is degraded.
    degraded: () => [relay.problem(), ...transport.degraded()].filter((problem): problem is string => Boolean(problem)),
  });

  return {
    ...server,
    ...deps,
    stop: async () => {
      await server.stop();
      if (def.publishesEvents !== false) {
        await relay.stop();
        await relay.flush().catch((error) => logger.warn({ err: error }, 'outbox not fully flushed at shutdown'));
      }
      for (const worker of workers) await worker.stop();
      await transport.close();
      await dataSource.destroy();
    },
  };
}
