import { ConfigOf, concern, defineConfig, personalData, subgraphService, z } from '@partybuild/config';
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

const matching = concern({
  PAIRING_MATCHING_RULES: matchingJson.describe(
    'replaces the dated matching rules of src/reference/pairing-rules.ts: JSON `{"rules":[{"category":"ECONOMIC","villageType":"POOR","score":10,"reason":"…"}],"fallback":{"score":1,"reason":"…"}}`; `"fallback": null` forbids pairs outside the rules',
  ),
});

/** PERSONAL_DATA_KEY is membership's secret: pairing derives its own keys from it for residents' names and contacts. */
export const pairingConfig = defineConfig(...subgraphService(4105), personalData, matching);

export type PairingConfig = ConfigOf<typeof pairingConfig>;

export const loadPairingConfig = (env: NodeJS.ProcessEnv = process.env) => pairingConfig.load(env);
