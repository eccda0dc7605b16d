import { z } from 'zod';
import { concern } from '../define-config';

export const port = z.coerce.number().int().min(0).max(65535);

/** Where a deployable answers; each has its own default port. */
export const listen = (defaultPort: number) =>
  concern({
    PORT: port.default(defaultPort).describe('HTTP port'),
    HOST: z.string().min(1).default('127.0.0.1').describe('the address to listen on (the container image sets `0.0.0.0`)'),
  });
