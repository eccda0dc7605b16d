import type { NextFunction, Request, Response } from 'express';
import { CALLER_HEADER, Caller, verifyCallerHeader } from '@partybuild/auth';
import { DomainError } from '@partybuild/errors';

declare module 'express-serve-static-core' {
  interface Request {
    caller?: Caller;
  }
}

/**
 * Subgraphs trust only the gateway: a request without a caller header signed with the
 * gateway's secret is refused before GraphQL sees it.
 */
export function callerGuard(secret: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.header(CALLER_HEADER);
    try {
      if (!header) throw new DomainError('UNAUTHENTICATED', 'This service only answers requests that come through the gateway.');
      req.caller = verifyCallerHeader(header, secret);
      next();
    } catch (error) {
      const { code, message } = error as DomainError;
      res.status(401).json({ errors: [{ message, extensions: { code: code ?? 'UNAUTHENTICATED' } }] });
    }
  };
}
