import { todayIn } from '@partybuild/calendar';
import { MEMBERSHIP_TOPIC, ORGANIZATION_TOPIC } from '@partybuild/contracts';
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
import { organizationHandlers } from './projections/organization-projection';
import { memberHandlers } from './projections/member-projection';
import type { PairingContext } from './graphql/context';

/** Starts the pairing subgraph and its consumer of organisation and membership events; `today` can be fixed by tests. */
export function startPairingService(config: PairingConfig, today = () => todayIn(config.TIME_ZONE)): Promise<RunningService> {
  const cipher = new PersonalDataCipher(config.PERSONAL_DATA_KEY, 'pairing');
  return startService<PairingContext>({
    name: 'pairing',
    env: config,
    entities: [],
    migrations: pairingMigrations,
    buildSchema: buildPairingSchema,
    startWorkers: async ({ dataSource, transport, logger }) => [
      await startIdempotentConsumer({
        transport,
        dataSource,
        logger,
        groupId: 'pairing',
        topics: [ORGANIZATION_TOPIC, MEMBERSHIP_TOPIC],
        handlers: { ...organizationHandlers, ...memberHandlers },
      }),
    ],
    createContext: ({ dataSource, relay }, caller, requestId) => {
      const unitOfWork = new UnitOfWork(dataSource, () => relay.nudge());
      void cipher;
      return {
        caller,
        requestId,
        today,
        loaders: createLoaders(dataSource),
        pairs: new PairCommands(unitOfWork, today, dataSource.manager),
        suggestions: new SuggestionQueries(dataSource, today, config.PAIRING_MATCHING_RULES),
      };
    },
  });
}
