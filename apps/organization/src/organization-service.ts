import { todayIn } from '@partybuild/calendar';
import { startIdempotentConsumer } from '@partybuild/events';
import { RunningService, startService } from '@partybuild/service';
import { OrganizationConfig } from './config';
import { organizationEntities } from './entities';
import { organizationMigrations } from './migrations';
import { buildOrganizationSchema } from './graphql/schema';
import { createLoaders } from './graphql/loaders';
import { OrganizationQueries } from './application/organization-queries';
import { OrganizationCommands } from './application/organization-commands';
import { CommitteeCommands } from './application/committee-commands';
import { UnitOfWork } from '@partybuild/persistence';
import type { OrganizationContext } from './graphql/context';
import { memberPlacementConsumer } from './projections/member-placement';

/** Starts the organisation subgraph; `today` can be fixed by tests. */
export function startOrganizationService(config: OrganizationConfig, today = () => todayIn(config.TIME_ZONE)): Promise<RunningService> {
  return startService<OrganizationContext>({
    name: 'organization',
    env: config,
    entities: organizationEntities,
    migrations: organizationMigrations,
    buildSchema: buildOrganizationSchema,
    startWorkers: async ({ transport, dataSource, logger }) => [
      await startIdempotentConsumer({ transport, dataSource, logger, ...memberPlacementConsumer }),
    ],
    createContext: ({ dataSource, relay }, caller, requestId, log) => {
      const unitOfWork = new UnitOfWork(dataSource, () => relay.nudge());
      return {
        caller,
        requestId,
        log,
        today,
        loaders: createLoaders(dataSource),
        queries: new OrganizationQueries(dataSource, today),
        commands: new OrganizationCommands(unitOfWork, today),
        committees: new CommitteeCommands(unitOfWork, today),
      };
    },
  });
}
