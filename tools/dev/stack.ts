import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Caller, issueUserToken } from '@partybuild/auth';
import type { RunningService } from '@partybuild/service';
import { RunningGateway, loadGatewayConfig, startGateway } from '@partybuild/app-gateway';
import { SERVICES, urlVariable } from './services';

export interface StackOptions {
  /** Builds a connection URL for a database of the PostgreSQL cluster. */
  urlFor(database: string): string;
  /** Prefix of every database name, so several stacks can share one cluster. */
  databasePrefix: string;
  eventTransport: 'embedded' | 'kafka';
  kafkaBrokers?: string;
  gatewayPort?: number;
  /** Port per service name; 0 or absent picks a free port. */
  servicePorts?: Record<string, number>;
  secrets?: StackSecrets;
  logLevel?: string;
  nodeEnv?: 'development' | 'test' | 'production';
  /** Fixes "today" for the services (tests of dates). */
  today?: () => string;
}

export interface StackSecrets {
  USER_TOKEN_SECRET: string;
  GATEWAY_SIGNING_SECRET: string;
  /** Encrypts personal data at rest (ID numbers, phones): 32 bytes, hex. */
  PERSONAL_DATA_KEY: string;
}

export interface Stack {
  gatewayUrl: string;
  services: Record<string, RunningService>;
  gateway: RunningGateway;
  secrets: StackSecrets;
  tokenFor(caller: Caller): string;
  stop(): Promise<void>;
}

export const newSecrets = (): StackSecrets => ({
  USER_TOKEN_SECRET: randomBytes(32).toString('hex'),
  GATEWAY_SIGNING_SECRET: randomBytes(32).toString('hex'),
  PERSONAL_DATA_KEY: randomBytes(32).toString('hex'),
});

/** Every subgraph and the gateway in one process: the zero-setup default and the e2e tests. */
export async function startStack(options: StackOptions): Promise<Stack> {
  const secrets = options.secrets ?? newSecrets();
  const common = {
    NODE_ENV: options.nodeEnv ?? 'development',
    LOG_LEVEL: options.logLevel ?? 'warn',
    EVENT_TRANSPORT: options.eventTransport,
    KAFKA_BROKERS: options.kafkaBrokers,
    EVENTS_DATABASE_URL: options.urlFor(`${options.databasePrefix}events`),
    GATEWAY_SIGNING_SECRET: secrets.GATEWAY_SIGNING_SECRET,
    PERSONAL_DATA_KEY: secrets.PERSONAL_DATA_KEY,
  };
  const services: Record<string, RunningService> = {};
  try {
    for (const service of SERVICES) {
      services[service.name] = await service.start(
        {
          ...common,
          PORT: String(options.servicePorts?.[service.name] ?? 0),
          DATABASE_URL: options.urlFor(`${options.databasePrefix}${service.name}`),
        },
        options.today,
      );
    }
  } catch (error) {
    await stopAll(Object.values(services));
    throw error;
  }
  const gateway = await startGateway(
    loadGatewayConfig({
      ...common,
      ...secrets,
      PORT: String(options.gatewayPort ?? 0),
      SUPERGRAPH_PATH: path.resolve(__dirname, '../../apps/gateway/supergraph.graphql'),
      ...Object.fromEntries(Object.entries(services).map(([name, service]) => [urlVariable(name), service.url])),
    }),
  );
  return {
    gatewayUrl: gateway.url,
    services,
    gateway,
    secrets,
    tokenFor: (caller) => issueUserToken(caller, secrets.USER_TOKEN_SECRET),
    stop: async () => {
      await gateway.stop();
      await stopAll(Object.values(services).reverse());
    },
  };
}

async function stopAll(services: RunningService[]): Promise<void> {
  for (const service of services) await service.stop();
}
