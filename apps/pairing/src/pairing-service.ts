import { todayIn } from '@partybuild/calendar';
import { ACTIVITY_TOPIC, ASSESSMENT_TOPIC, MEMBERSHIP_TOPIC, ORGANIZATION_TOPIC } from '@partybuild/contracts';
import { startIdempotentConsumer } from '@partybuild/events';
import { UnitOfWork } from '@partybuild/persistence';
import { PersonalDataCipher } from '@partybuild/personal-data';
import { RunningService, startService } from '@partybuild/service';
import { PairingConfig } from './config';
import { pairingMigrations } from './migrations';
import { buildPairingSchema } from './graphql/schema';
import { createLoaders } from './graphql/loaders';
import { PairCommands } from './application/pair-commands';
import { SuggestionQueries } from './application/suggestion-queries';
import { ServiceCommands } from './application/service-commands';
import { WishCommands } from './application/wish-commands';
import { VisitCommands } from './application/visit-commands';
import { PairingQueries } from './application/pairing-queries';
import { startWishExpiry } from './application/wish-expiry';
import { RecordCommands } from './application/record-commands';
import { ResidentDataReader } from './application/resident-data';
import { organizationHandlers } from './projections/organization-projection';
import { memberHandlers } from './projections/member-projection';
import { starRatingHandlers } from './projections/star-rating-projection';
import { meetingHandlers } from './projections/meeting-projection';
import type { PairingContext } from './graphql/context';

/** Starts the pairing subgraph and its consumer of organisation, membership, activity and assessment events; `today` can be fixed by tests. */
export function startPairingService(config: PairingConfig, today = () => todayIn(config.TIME_ZONE)): Promise<RunningService> {
  const cipher = new PersonalDataCipher(config.PERSONAL_DATA_KEY, 'pairing');
  return startService<PairingContext>({
    name: 'pairing',
    env: config,
    entities: [],
    migrations: pairingMigrations,
    buildSchema: buildPairingSchema,
    startWorkers: async ({ dataSource, transport, logger, relay }) => [
      startWishExpiry(new WishCommands(new UnitOfWork(dataSource, () => relay.nudge()), today, cipher), logger),
      await startIdempotentConsumer({
        transport,
        dataSource,
        logger,
        groupId: 'pairing',
        topics: [ORGANIZATION_TOPIC, MEMBERSHIP_TOPIC, ACTIVITY_TOPIC, ASSESSMENT_TOPIC],
        handlers: { ...organizationHandlers, ...memberHandlers, ...meetingHandlers, ...starRatingHandlers },
      }),
    ],
    createContext: ({ dataSource, relay }, caller, requestId, log) => {
      const unitOfWork = new UnitOfWork(dataSource, () => relay.nudge());
      return {
        caller,
        requestId,
        log,
        today,
        dataSource,
        loaders: createLoaders(dataSource, today),
        pairs: new PairCommands(unitOfWork, today, dataSource.manager),
        suggestions: new SuggestionQueries(dataSource, today, config.PAIRING_MATCHING_RULES),
        services: new ServiceCommands(unitOfWork, today),
        wishes: new WishCommands(unitOfWork, today, cipher),
        visits: new VisitCommands(unitOfWork, today),
        queries: new PairingQueries(dataSource, today),
        residents: new ResidentDataReader(dataSource, cipher, caller, requestId),
        records: new RecordCommands(unitOfWork, today),
      };
    },
  });
}
