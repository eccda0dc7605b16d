import { ConfigOf, concern, defineConfig, subgraphService, z } from '@partybuild/config';

/** The district's own choices that replace numbers of src/reference/assessment-rules.ts. */
const assessmentRules = concern({
  ASSESSMENT_TOP_TEN_MIN_SCORE: z.coerce
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe('十佳: the lowest final score a unit may have to be listed (default: the reference rules, 90)'),
  ASSESSMENT_EXCELLENT_RATIO: z.coerce
    .number()
    .gt(0)
    .max(1)
    .optional()
    .describe("民主评议: the highest share of a branch's appraised members that may be rated 优秀 (default: the reference rules, 0.3)"),
});

export const assessmentConfig = defineConfig(...subgraphService(4104), assessmentRules);

export type AssessmentConfig = ConfigOf<typeof assessmentConfig>;

export const loadAssessmentConfig = (env: NodeJS.ProcessEnv = process.env) => assessmentConfig.load(env);
