import { loadConfig, serviceEnv, z } from '@partybuild/config';
import type { MatchingRules } from './domain/suggestions';

const rule = z.object({
  category: z.string().min(1),
  villageType: z.string().min(1),
  score: z.number().int().min(0).max(1000),
  reason: z.string().min(1).max(200),
});

/** A district's own matching rules: JSON {"rules":[{category,villageType,score,reason}],"fallback":{score,reason}|null}. */
const matchingJson = z
  .string()
  .optional()
  .transform((text, ctx): MatchingRules | null => {
    if (!text) return null;
    try {
      return z
        .object({
          rules: z.array(rule),
          fallback: z.object({ score: z.number().int().min(0).max(1000), reason: z.string().min(1) }).nullable(),
        })
        .strict()
        .parse(JSON.parse(text));
    } catch (error) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `not valid matching rules: ${(error as Error).message}` });
      return z.NEVER;
    }
  });

export const pairingEnv = {
  ...serviceEnv,
  PORT: serviceEnv.PORT.default(4105),
  /** The district's time zone decides what "today" is for terms, deadlines and expiry. */
  TIME_ZONE: z.string().default('Asia/Shanghai'),
  /** AES-256-GCM key for residents' names and contacts at rest: 32 bytes, hex (the same secret as membership's, other derived keys). */
  PERSONAL_DATA_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 32 bytes written as 64 hex characters'),
  /** Replaces the matching rules of src/reference/pairing-rules.ts. */
  PAIRING_MATCHING_RULES: matchingJson,
};

export type PairingConfig = ReturnType<typeof loadPairingConfig>;

export const loadPairingConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(pairingEnv, env);
