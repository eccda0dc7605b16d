import { z } from 'zod';
import { concern } from '../define-config';

/**
 * How large a request may be. Sized for the largest thing a caller sends in one request: a
 * roster (花名册) import of 50 000 rows is about 5 MB of CSV, and an import is all-or-nothing,
 * so it cannot be split by the server.
 */
export const requestBody = concern({
  MAX_REQUEST_MEGABYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(256)
    .default(16)
    .describe(
      'largest request body accepted, in MB (a 50 000-row roster is about 5 MB); a larger one is refused with 413 `PAYLOAD_TOO_LARGE`',
    ),
});
