// What tools (launcher, composition, seed, benchmarks) may use of this deployable.
export { startAssessmentService } from './assessment-service';
export { loadAssessmentConfig } from './config';
export type { AssessmentConfig } from './config';
export { buildAssessmentSchema } from './graphql/schema';
export { scoreOpenRounds } from './application/rounds';
export { assessmentServices } from './application/services';
export { assessmentMigrations } from './migrations';
