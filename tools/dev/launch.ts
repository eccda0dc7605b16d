import path from 'node:path';
import { Caller, issueUserToken } from '@partybuild/auth';
import { EmbeddedPostgres, ensureDatabase, startEmbeddedPostgres } from '@partybuild/persistence';
import { SERVICES, mainOf, urlVariable } from './services';
import { StackSecrets } from './stack';
import { SupervisedService } from './supervisor';
import { ALIAS_HOOK, buildCache, compiledEntry } from './build-cache';

/** Node arguments that run an app's compiled main with the libraries' aliases resolved. */
const nodeArgs = (entry: string): string[] => ['-r', ALIAS_HOOK, compiledEntry(entry)];

export interface LaunchOptions {
  /** Where the embedded PostgreSQL keeps its data (ignored with `postgresUrl`). */
  dataDir: string;
  /** An external PostgreSQL (`postgres://…/postgres`); one database per service is created beside it. */
  postgresUrl?: string;
  pgPort: number;
  gatewayPort: number;
  /** Port per service name. */
  servicePorts: Record<string, number>;
  /** The address every service listens on. */
  host: string;
  eventTransport: 'embedded' | 'kafka';
  kafkaBrokers?: string;
  databasePrefix: string;
  secrets: StackSecrets;
  logLevel: string;
  /** Extra variables for every service (TIME_ZONE, KAFKA_TOPIC_PARTITIONS, …). */
  env?: NodeJS.ProcessEnv;
  /** Variables of one process only, by service name (`gateway` too); an undefined value removes a variable. */
  serviceEnv?: Record<string, NodeJS.ProcessEnv>;
  write(line: string): void;
}

export interface Launched {
  gatewayUrl: string;
  postgres: EmbeddedPostgres | null;
  services: SupervisedService[];
  gateway: SupervisedService;
  tokenFor(caller: Caller): string;
  /** Gateway first, then the services (each flushes its outbox, its consumers leave their groups), then PostgreSQL. */
  stop(): Promise<void>;
}

/**
 * The whole system as one process per service: the embedded PostgreSQL (in this process's
 * care), then every subgraph and the gateway, each in its own child process, started side by side.
 */
export async function launch(options: LaunchOptions): Promise<Launched> {
  const postgres = options.postgresUrl
    ? null
    : await startEmbeddedPostgres({ dataDir: path.join(options.dataDir, 'postgres'), port: options.pgPort });
  const urlFor = (db: string) => (postgres ? postgres.urlFor(db) : `${options.postgresUrl!.replace(/\/[^/]*$/, '')}/${db}`);
  const reachable = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const services: SupervisedService[] = [];
  let gateway: SupervisedService | undefined;
  const stopAll = async () => {
    await gateway?.stop();
    await Promise.all(services.map((s) => s.stop()));
    await postgres?.stop();
  };
  const onExit = () => {
    for (const child of [gateway, ...services]) child?.killNow();
  };
  process.once('exit', onExit);

  const compiled = buildCache();
  if (compiled) options.write(`[launcher] compiled ${compiled} changed files for the service processes`);
  try {
    // Created here, not by the services racing each other for the shared event log's database.
    const names = [...SERVICES.map((s) => s.name), 'events'];
    await Promise.all(names.map((name) => ensureDatabase(urlFor(`${options.databasePrefix}${name}`))));
    const common = {
      ...process.env,
      ...options.env,
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      LOG_LEVEL: options.logLevel,
      HOST: options.host,
      EVENT_TRANSPORT: options.eventTransport,
      ...(options.kafkaBrokers ? { KAFKA_BROKERS: options.kafkaBrokers } : {}),
      EVENTS_DATABASE_URL: urlFor(`${options.databasePrefix}events`),
      GATEWAY_SIGNING_SECRET: options.secrets.GATEWAY_SIGNING_SECRET,
    };
    for (const service of SERVICES) {
      const port = options.servicePorts[service.name] ?? service.defaultPort;
      services.push(
        new SupervisedService(
          {
            name: service.name,
            args: nodeArgs(mainOf(service)),
            env: {
              ...common,
              PORT: String(port),
              DATABASE_URL: urlFor(`${options.databasePrefix}${service.name}`),
              PERSONAL_DATA_KEY: options.secrets.PERSONAL_DATA_KEY,
              ...options.serviceEnv?.[service.name],
            },
            readyUrl: `http://${reachable}:${port}/readyz`,
          },
          { write: options.write },
        ),
      );
    }
    gateway = new SupervisedService(
      {
        name: 'gateway',
        args: nodeArgs('apps/gateway/src/main.ts'),
        env: {
          ...common,
          ...options.secrets,
          PORT: String(options.gatewayPort),
          SUPERGRAPH_PATH: path.resolve(__dirname, '../../apps/gateway/supergraph.graphql'),
          ...Object.fromEntries(
            SERVICES.map((s) => [urlVariable(s.name), `http://${reachable}:${options.servicePorts[s.name] ?? s.defaultPort}/graphql`]),
          ),
          ...options.serviceEnv?.gateway,
        },
        readyUrl: `http://${reachable}:${options.gatewayPort}/readyz`,
      },
      { write: options.write },
    );
    // The gateway plans from the composed supergraph, not from the running services: all start side by side.
    await Promise.all([...services, gateway].map((s) => s.start()));
  } catch (error) {
    await stopAll().catch(() => undefined);
    process.removeListener('exit', onExit);
    throw error;
  }

  return {
    gatewayUrl: `http://${reachable}:${options.gatewayPort}/graphql`,
    postgres,
    services,
    gateway,
    tokenFor: (caller) => issueUserToken(caller, options.secrets.USER_TOKEN_SECRET),
    stop: async () => {
      await stopAll();
      process.removeListener('exit', onExit);
    },
  };
}
