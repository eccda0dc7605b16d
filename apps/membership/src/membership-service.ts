import { readFileSync } from 'node:fs';
import { parseCalendarYears, todayIn } from '@partybuild/calendar';
import { ORGANIZATION_TOPIC } from '@partybuild/contracts';
import { startIdempotentConsumer } from '@partybuild/events';
import { orgTreeHandlers } from '@partybuild/org-tree';
import { RunningService, startService } from '@partybuild/service';
import { MembershipConfig } from './config';
import { membershipEntities } from './entities';
import { membershipMigrations } from './migrations';
import { buildMembershipSchema } from './graphql/schema';
import { createLoaders } from './graphql/loaders';
import { MemberQueries } from './application/member-queries';
import { MemberCommands } from './application/member-commands';
import { TransferCommands } from './application/transfer-commands';
import { DuesCommands } from './application/dues-commands';
import { MemberImport } from './application/member-import';
import { PersonalDataReader } from './application/personal-data';
import { UnitOfWork } from '@partybuild/persistence';
import { PersonalDataCipher } from './domain/personal-data-cipher';
import type { MembershipContext } from './graphql/context';
import { useAdditionalCalendarYears } from './reference/working-days';

/** Starts the membership subgraph and its copy of the organisation tree; `today` can be fixed by tests. */
export function startMembershipService(config: MembershipConfig, today = () => todayIn(config.TIME_ZONE)): Promise<RunningService> {
  const cipher = new PersonalDataCipher(config.PERSONAL_DATA_KEY);
  if (config.WORKING_DAY_CALENDAR_FILE)
    useAdditionalCalendarYears(parseCalendarYears(readFileSync(config.WORKING_DAY_CALENDAR_FILE, 'utf8')));
  return startService<MembershipContext>({
    name: 'membership',
    env: config,
    entities: membershipEntities,
    migrations: membershipMigrations,
    buildSchema: buildMembershipSchema,
    startWorkers: async ({ transport, dataSource, logger }) => [
      await startIdempotentConsumer({
        transport,
        dataSource,
        logger,
        groupId: 'membership-org-tree',
        topics: [ORGANIZATION_TOPIC],
        handlers: orgTreeHandlers,
      }),
    ],
    createContext: ({ dataSource, relay }, caller, requestId, log) => {
      // "Today" once per request: formatting a date in a time zone is costly, and one request sees one day.
      const day = today();
      const todayOnce = () => day;
      const unitOfWork = new UnitOfWork(dataSource, () => relay.nudge());
      const queries = new MemberQueries(dataSource, cipher, todayOnce);
      return {
        caller,
        requestId,
        log,
        today: todayOnce,
        dataSource,
        cipher,
        queries,
        loaders: createLoaders(dataSource, queries, todayOnce),
        members: new MemberCommands(unitOfWork, cipher, todayOnce, config.MEMBERSHIP_DATE_LIMITS),
        transfers: new TransferCommands(unitOfWork, todayOnce, config.TRANSFER_VALID_MONTHS, config.MEMBERSHIP_DATE_LIMITS),
        dues: new DuesCommands(unitOfWork, todayOnce, config.MEMBERSHIP_DATE_LIMITS),
        importer: new MemberImport(unitOfWork, cipher, todayOnce, config.MEMBERSHIP_DATE_LIMITS),
        personalData: new PersonalDataReader(dataSource, cipher, caller, requestId),
      };
    },
  });
}
