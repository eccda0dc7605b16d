import { todayIn } from '@partybuild/calendar';
import { ACTIVITY_TOPIC, MEMBERSHIP_TOPIC, ORGANIZATION_TOPIC, PAIRING_TOPIC } from '@partybuild/contracts';
import { startIdempotentConsumer } from '@partybuild/events';
import { RunningService, startService } from '@partybuild/service';
import { AssessmentConfig } from './config';
import { assessmentMigrations } from './migrations';
import { buildAssessmentSchema } from './graphql/schema';
import { factHandlers } from './projections/fact-projection';
import { assessmentServices } from './application/services';
import { rulesForYear } from './reference/assessment-rules';
import { AssessmentContext, createContext } from './graphql/context';

/** Starts the assessment subgraph and its consumer of organisation, membership, activity and pairing events; `today` can be fixed by tests. */
export function startAssessmentService(config: AssessmentConfig, today = () => todayIn(config.TIME_ZONE)): Promise<RunningService> {
  const settings = { topTenMinScore: config.ASSESSMENT_TOP_TEN_MIN_SCORE, excellentRatio: config.ASSESSMENT_EXCELLENT_RATIO };
  return startService<AssessmentContext>({
    name: 'assessment',
    env: config,
    entities: [],
    migrations: assessmentMigrations,
    buildSchema: buildAssessmentSchema,
    startWorkers: async ({ dataSource, transport, logger }) => [
      await startIdempotentConsumer({
        transport,
        dataSource,
        logger,
        groupId: 'assessment',
        topics: [ORGANIZATION_TOPIC, MEMBERSHIP_TOPIC, ACTIVITY_TOPIC, PAIRING_TOPIC],
        handlers: factHandlers((year) => rulesForYear(year, settings)),
      }),
    ],
    createContext: ({ dataSource, relay }, caller, requestId, log) =>
      createContext(
        assessmentServices(dataSource, () => relay.nudge(), today, settings),
        { caller, requestId, log },
      ),
  });
}
