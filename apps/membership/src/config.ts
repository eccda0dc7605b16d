import { loadConfig, serviceEnv, z } from '@partybuild/config';
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

export const membershipEnv = {
  ...serviceEnv,
  PORT: serviceEnv.PORT.default(4102),
  /** The district's time zone decides what "today" is for steps, probation and dues. */
  TIME_ZONE: z.string().default('Asia/Shanghai'),
  /** AES-256-GCM key for ID numbers and phones at rest, and the HMAC key of their lookup hash: 32 bytes, hex. */
  PERSONAL_DATA_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 32 bytes written as 64 hex characters'),
  /** How long a transfer letter (组织关系介绍信) stays valid. */
  TRANSFER_VALID_MONTHS: z.coerce.number().int().min(1).max(12).default(3),
  /** How far back dates may be entered (see DATE_LIMITS in src/reference/membership-rules.ts). */
  MEMBERSHIP_DATE_LIMITS: dateLimitsJson,
  /** JSON file of official holiday years published after this release (see libs/calendar); optional. */
  WORKING_DAY_CALENDAR_FILE: z.string().optional(),
};

export type MembershipConfig = ReturnType<typeof loadMembershipConfig>;

export const loadMembershipConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(membershipEnv, env);
