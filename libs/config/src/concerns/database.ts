import { z } from 'zod';
import { concern } from '../define-config';

/** A service's own PostgreSQL database. */
export const database = concern({
  DATABASE_URL: z
    .string()
    .url()
    .describe('its own PostgreSQL database; migrations run at start-up (created automatically outside production)'),
});
