// What tools (launcher, composition, benchmarks) may use of this deployable.
export { startActivityService } from './activity-service';
export { activityConfig, loadActivityConfig } from './config';
export type { ActivityConfig } from './config';
export { buildActivitySchema } from './graphql/schema';
export { activityMigrations } from './migrations';
export { ComplianceQueries } from './application/compliance-queries';
export { requirementsWith } from './reference/activity-rules';
