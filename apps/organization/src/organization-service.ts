import { todayIn } from '@partybuild/calendar';
import { RunningService, startService } from '@partybuild/service';
import { OrganizationConfig } from './config';
import { organizationEntities } from './entities';
import { organizationMigrations } from './migrations';
import { buildOrganizationSchema } from './graphql/schema';
import { createLoaders } from './graphql/loaders';
import { OrganizationQueries } from './application/organization-queries';
import { OrganizationCommands } from './application/organization-commands';
import { CommitteeCommands } from './application/committee-commands';
import type { OrganizationContext } from './graphql/context';

/** Starts the organisation subgraph; `today` can be fixed by tests. */
export function startOrganizationService(config: OrganizationConfig, today = () => todayIn(config.TIME_ZONE)): Promise<RunningService> {
  return startService<OrganizationContext>({
    name: 'organization',
    env: config,
    entities: organizationEntities,
    migrations: organizationMigrations,
    buildSchema: buildOrganizationSchema,
    createContext: ({ dataSource, relay }, caller, requestId) => ({
      caller,
      requestId,
      today,
      loaders: createLoaders(dataSource),
      queries: new OrganizationQueries(dataSource, today),
      commands: new OrganizationCommands(dataSource, today, () => relay.nudge()),
      committees: new CommitteeCommands(dataSource, today, () => relay.nudge()),
    }),
  });
}
