// What tools (launcher, composition, benchmarks) may use of this deployable.
export { startOrganizationService } from './organization-service';
export { organizationConfig, loadOrganizationConfig } from './config';
export type { OrganizationConfig } from './config';
export { buildOrganizationSchema } from './graphql/schema';
export { organizationMigrations } from './migrations';
