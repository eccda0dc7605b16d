import { todayIn } from '@partybuild/calendar';
import { MEMBERSHIP_TOPIC, ORGANIZATION_TOPIC } from '@partybuild/contracts';
import { startIdempotentConsumer } from '@partybuild/events';
import { RunningService, startService } from '@partybuild/service';
import { ActivityConfig } from './config';
import { activityEntities } from './entities';
import { activityMigrations } from './migrations';
import { buildActivitySchema } from './graphql/schema';
import { createLoaders } from './graphql/loaders';
import { ActivityQueries } from './application/activity-queries';
import { ActivityCommands } from './application/activity-commands';
import { MemberArrivals } from './application/member-arrivals';
import { ComplianceQueries } from './application/compliance-queries';
import { UnitOfWork } from '@partybuild/persistence';
import { organizationHandlers } from './projections/committee-projection';
import { memberHandlers } from './projections/member-projection';
import type { ActivityContext } from './graphql/context';

/** Starts the activity subgraph and its consumer of organisation and membership events; `today` can be fixed by tests. */
export function startActivityService(config: ActivityConfig, today = () => todayIn(config.TIME_ZONE)): Promise<RunningService> {
  return startService<ActivityContext>({
    name: 'activity',
    env: config,
    entities: activityEntities,
    migrations: activityMigrations,
    buildSchema: buildActivitySchema,
    startWorkers: async ({ dataSource, transport, logger }) => [
      await startIdempotentConsumer({
        transport,
        dataSource,
        logger,
        groupId: 'activity',
        topics: [ORGANIZATION_TOPIC, MEMBERSHIP_TOPIC],
        handlers: { ...organizationHandlers, ...memberHandlers },
      }),
    ],
    createContext: ({ dataSource, relay }, caller, requestId, log) => {
      const unitOfWork = new UnitOfWork(dataSource, () => relay.nudge());
      const compliance = new ComplianceQueries(dataSource, today, config.ACTIVITY_REQUIREMENTS);
      return {
        caller,
        requestId,
        log,
        today,
        loaders: createLoaders(dataSource, compliance),
        queries: new ActivityQueries(dataSource, today),
        compliance,
        commands: new ActivityCommands(
          unitOfWork,
          today,
          config.ACTIVITY_DATE_LIMITS,
          new MemberArrivals(dataSource, config.MEMBER_SYNC_WAIT_MS),
        ),
      };
    },
  });
}
