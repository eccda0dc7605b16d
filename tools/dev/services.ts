import type { GraphQLSchema } from 'graphql';
import type { RunningService } from '@partybuild/service';
import { buildOrganizationSchema, loadOrganizationConfig, startOrganizationService } from '@partybuild/app-organization';
import { buildMembershipSchema, loadMembershipConfig, startMembershipService } from '@partybuild/app-membership';
import { buildStatisticsSchema, loadStatisticsConfig, startStatisticsService } from '@partybuild/app-statistics';
import { buildActivitySchema, loadActivityConfig, startActivityService } from '@partybuild/app-activity';

/** A subgraph service the launcher and the tests start: its name is also its database and URL variable. */
export interface ServiceEntry {
  name: string;
  defaultPort: number;
  /** The app's main for its own process; default `apps/<name>/src/main.ts`. */
  main?: string;
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
  {
    name: 'membership',
    defaultPort: 4102,
    start: (env, today) => startMembershipService(loadMembershipConfig(env), today),
    buildSchema: buildMembershipSchema,
  },
  {
    name: 'activity',
    defaultPort: 4103,
    start: (env, today) => startActivityService(loadActivityConfig(env), today),
    buildSchema: buildActivitySchema,
  },
  // Statistics reads every other service's events: it stays last.
  {
    name: 'statistics',
    defaultPort: 4106,
    start: (env, today) => startStatisticsService(loadStatisticsConfig(env), today),
    buildSchema: buildStatisticsSchema,
  },
];

/** The entry point that runs the service as its own process. */
export const mainOf = (entry: ServiceEntry): string => entry.main ?? `apps/${entry.name}/src/main.ts`;

/** The gateway variable holding a subgraph's URL: `ORGANIZATION_URL`. */
export const urlVariable = (name: string): string => `${name.toUpperCase()}_URL`;
