import { loadConfig, serviceEnv, z } from '@partybuild/config';

export const assessmentEnv = {
  ...serviceEnv,
  PORT: serviceEnv.PORT.default(4104),
  /** The district's time zone decides what "today" is (facts up to today, overdue rectifications). */
  TIME_ZONE: z.string().default('Asia/Shanghai'),
  /** 十佳: the lowest final score a unit may have to be listed (overrides the reference rules). */
  ASSESSMENT_TOP_TEN_MIN_SCORE: z.coerce.number().min(0).max(100).optional(),
  /** 民主评议: the highest share of a branch's appraised members that may be rated 优秀. */
  ASSESSMENT_EXCELLENT_RATIO: z.coerce.number().gt(0).max(1).optional(),
};

export type AssessmentConfig = ReturnType<typeof loadAssessmentConfig>;

export const loadAssessmentConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(assessmentEnv, env);
