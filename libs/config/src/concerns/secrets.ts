import { z } from 'zod';
import { concern } from '../define-config';

export const secret = z.string().min(32, 'must be at least 32 characters');

/** Shared by the gateway and the subgraphs: subgraphs accept only requests whose caller header it signed. */
export const callerHeader = concern({
  GATEWAY_SIGNING_SECRET: secret.describe('shared secret of the gateway → subgraph caller header (32+ characters)'),
});

/** Encryption at rest of personal data (libs/personal-data). */
export const personalData = concern({
  PERSONAL_DATA_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'must be 32 bytes written as 64 hex characters')
    .describe('32 bytes (64 hex characters): AES-256-GCM key of personal data at rest and the HMAC key of its lookup hash'),
});
