// What tools (launcher, composition, benchmarks) may use of this deployable.
export { startMembershipService } from './membership-service';
export { membershipConfig, loadMembershipConfig } from './config';
export type { MembershipConfig } from './config';
export { buildMembershipSchema } from './graphql/schema';
export { IMPORT_COLUMNS } from './application/member-import';
export { checkCharacter } from './domain/id-number';
export { csvLine } from './domain/csv';
export { membershipMigrations } from './migrations';
export { MemberQueries } from './application/member-queries';
export { PersonalDataCipher } from './domain/personal-data-cipher';
export { RECORD_RULES } from './reference/membership-rules';
