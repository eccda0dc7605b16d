import { z } from 'zod';
import { concern } from '../define-config';

/** The mode a deployable runs in. */
export const mode = concern({
  NODE_ENV: z
    .enum(['development', 'test', 'production'])
    .default('development')
    .describe('`production`: no introspection, no field suggestions, no automatic database creation'),
});

/** What every server reads: its mode and how much it logs. */
export const runtime = concern({
  ...mode.variables,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('`fatal` … `trace`, `silent`'),
});
