// What tools (launcher, composition, seed, benchmarks, reconciliation) may use of this deployable.
export { startAssessmentService } from './assessment-service';
export { assessmentConfig, loadAssessmentConfig } from './config';
export type { AssessmentConfig } from './config';
export { buildAssessmentSchema } from './graphql/schema';
export { scoreOpenRounds } from './application/rounds';
export { assessmentServices } from './application/services';
export { topTen } from './domain/scoring';
export { rulesForYear } from './reference/assessment-rules';
export { assessmentMigrations } from './migrations';
