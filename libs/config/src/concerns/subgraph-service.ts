import { ConfigOf, defineConfig } from '../define-config';
import { callerHeader } from './secrets';
import { database } from './database';
import { eventTransport } from './event-transport';
import { listen } from './listen';
import { requestBody } from './request-body';
import { runtime } from './runtime';
import { timeZone } from './time-zone';

/** The concerns every subgraph service has (libs/service reads them); a service adds its own after. */
export const subgraphService = (defaultPort: number) =>
  [runtime, listen(defaultPort), requestBody, database, eventTransport, callerHeader, timeZone] as const;

/** What libs/service and libs/events read of a subgraph's configuration. */
export type SubgraphServiceConfig = ConfigOf<ReturnType<typeof defineConfig<ReturnType<typeof subgraphService>>>>;
