import { loadConfig, serviceEnv, z } from '@partybuild/config';

export const membershipEnv = {
  ...serviceEnv,
  PORT: serviceEnv.PORT.default(4102),
  /** The district's time zone decides what "today" is for steps, probation and dues. */
  TIME_ZONE: z.string().default('Asia/Shanghai'),
  /** AES-256-GCM key for ID numbers and phones at rest, and the HMAC key of their lookup hash: 32 bytes, hex. */
  PERSONAL_DATA_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 32 bytes written as 64 hex characters'),
  /** How long a transfer letter (组织关系介绍信) stays valid. */
  TRANSFER_VALID_MONTHS: z.coerce.number().int().min(1).max(12).default(3),
  /** JSON file of official holiday years published after this release (see libs/calendar); optional. */
  WORKING_DAY_CALENDAR_FILE: z.string().optional(),
};

export type MembershipConfig = ReturnType<typeof loadMembershipConfig>;

export const loadMembershipConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(membershipEnv, env);
