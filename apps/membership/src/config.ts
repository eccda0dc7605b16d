import { ConfigOf, concern, defineConfig, personalData, subgraphService, z } from '@partybuild/config';
import { DATE_LIMITS, MembershipDateLimits } from './reference/membership-rules';

const years = z.number().int().min(0).max(200);

/** A district's own date limits: JSON such as {"backdateYears":{"developmentStep":30}}; the rest keep their defaults. */
const dateLimitsJson = z
  .string()
  .default('{}')
  .transform((text, ctx): MembershipDateLimits => {
    try {
      const parsed = z
        .object({
          historyFrom: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
          oldestAgeYears: years.optional(),
          backdateYears: z
            .object({
              developmentStep: years.optional(),
              statusChange: years.optional(),
              transfer: years.optional(),
              duesPayment: years.optional(),
            })
            .strict()
            .optional(),
        })
        .strict()
        .parse(JSON.parse(text));
      return { ...DATE_LIMITS, ...parsed, backdateYears: { ...DATE_LIMITS.backdateYears, ...parsed.backdateYears } };
    } catch (error) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `not valid date limits: ${(error as Error).message}` });
      return z.NEVER;
    }
  });

const membership = concern({
  TRANSFER_VALID_MONTHS: z.coerce
    .number()
    .int()
    .min(1)
    .max(12)
    .default(3)
    .describe('how long a transfer letter (组织关系介绍信) stays valid, in months'),
  MEMBERSHIP_DATE_LIMITS: dateLimitsJson.describe(
    'how far back dates may be entered, JSON such as `{"backdateYears":{"developmentStep":30}}` (see `DATE_LIMITS` in src/reference/membership-rules.ts)',
  ),
  WORKING_DAY_CALENDAR_FILE: z
    .string()
    .optional()
    .describe('JSON file of official holiday years published after this release (see libs/calendar)'),
});

export const membershipConfig = defineConfig(...subgraphService(4102), personalData, membership);

export type MembershipConfig = ConfigOf<typeof membershipConfig>;

export const loadMembershipConfig = (env: NodeJS.ProcessEnv = process.env) => membershipConfig.load(env);
