export { startSubgraphServer } from './subgraph-server';
export type { SubgraphServerOptions, RunningServer } from './subgraph-server';
export { callerGuard } from './caller-guard';
export { jsonBodyErrors, noPhoningHome, operationNaming } from './http-hygiene';
export { createMetrics, exposeStats } from './metrics';
export { onShutdown } from './shutdown';
export { startService } from './start-service';
export type { ServiceDefinition, ServiceDeps, ServiceEnv, RunningService } from './start-service';
export { ServiceErrors } from './service-errors';
