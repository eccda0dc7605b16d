import { ConfigOf, concern, defineConfig, subgraphService, z } from '@partybuild/config';
import { Frequency, Requirement } from './domain/activity-type';
import { DEFAULT_DATE_LIMITS, DateLimits, Requirements, requirementsWith } from './reference/activity-rules';

const override = z
  .object({ frequency: z.nativeEnum(Frequency).optional(), times: z.number().int().min(1).max(31).optional() })
  .strict()
  .nullable();

/** A district's own frequencies: JSON such as {"THEMED_PARTY_DAY":{"frequency":"QUARTERLY"},"DEMOCRATIC_LIFE_MEETING":null}. */
const requirementsJson = z
  .string()
  .default('{}')
  .transform((text, ctx): Requirements => {
    try {
      const parsed = z.record(z.nativeEnum(Requirement), override).parse(JSON.parse(text));
      return requirementsWith(parsed);
    } catch (error) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `not valid requirement overrides: ${(error as Error).message}` });
      return z.NEVER;
    }
  });

/** A district's own date limits: JSON such as {"heldYearsBack":10}; the rest keep their defaults. */
const dateLimitsJson = z
  .string()
  .default('{}')
  .transform((text, ctx): DateLimits => {
    try {
      const parsed = z
        .object({
          heldYearsBack: z.number().int().min(1).max(100).optional(),
          plannedYearsAhead: z.number().int().min(1).max(10).optional(),
          plannedDaysBack: z.number().int().min(0).max(3660).optional(),
        })
        .strict()
        .parse(JSON.parse(text));
      return { ...DEFAULT_DATE_LIMITS, ...parsed };
    } catch (error) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `not valid date limits: ${(error as Error).message}` });
      return z.NEVER;
    }
  });

const memberSync = concern({
  MEMBER_SYNC_WAIT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(60_000)
    .default(5_000)
    .describe(
      "how long a meeting naming members not yet in this service's copy waits for their membership events before refusing them (ms)",
    ),
});

const districtRules = concern({
  ACTIVITY_REQUIREMENTS: requirementsJson.describe(
    'a district\'s own frequencies, JSON such as `{"THEMED_PARTY_DAY":{"frequency":"QUARTERLY"},"DEMOCRATIC_LIFE_MEETING":null}`',
  ),
  ACTIVITY_DATE_LIMITS: dateLimitsJson.describe(
    'a district\'s own date limits, JSON such as `{"heldYearsBack":10}`; the rest keep their defaults',
  ),
});

export const activityConfig = defineConfig(...subgraphService(4103), districtRules, memberSync);

export type ActivityConfig = ConfigOf<typeof activityConfig>;

export const loadActivityConfig = (env: NodeJS.ProcessEnv = process.env) => activityConfig.load(env);
