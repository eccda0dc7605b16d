import type { GraphQLSchema } from 'graphql';
import type { RunningService } from '@partybuild/service';
import { buildOrganizationSchema, loadOrganizationConfig, startOrganizationService } from '@partybuild/app-organization';

/** A subgraph service the launcher and the tests start: its name is also its database and URL variable. */
export interface ServiceEntry {
  name: string;
  defaultPort: number;
  start(env: NodeJS.ProcessEnv, today?: () => string): Promise<RunningService>;
  /** The subgraph schema, for composing the supergraph at build time. */
  buildSchema(): Promise<GraphQLSchema>;
}

/** Every subgraph, in start order (a service that consumes another's events starts after it). */
export const SERVICES: ServiceEntry[] = [
  {
    name: 'organization',
    defaultPort: 4101,
    start: (env, today) => startOrganizationService(loadOrganizationConfig(env), today),
    buildSchema: buildOrganizationSchema,
  },
];

/** The gateway variable holding a subgraph's URL: `ORGANIZATION_URL`. */
export const urlVariable = (name: string): string => `${name.toUpperCase()}_URL`;
