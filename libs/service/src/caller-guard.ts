import type { NextFunction, Request, Response } from 'express';
import { CALLER_HEADER, Caller, verifyCallerHeader } from '@partybuild/auth';
import { CommonErrors, DomainError, messageFor } from '@partybuild/errors';
import { currentRequestScope } from '@partybuild/logging';

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
      if (!header) throw CommonErrors.NOT_THROUGH_GATEWAY();
      req.caller = verifyCallerHeader(header, secret);
      next();
    } catch (error) {
      const refusal = error instanceof DomainError ? error : CommonErrors.GATEWAY_SIGNATURE_INVALID();
      const scope = currentRequestScope();
      scope?.log.warn({ code: refusal.code, reason: refusal.details.reason }, 'request refused');
      res.status(401).json({
        errors: [
          { message: messageFor(refusal, req.header('accept-language')), extensions: { code: refusal.code, requestId: scope?.requestId } },
        ],
      });
    }
  };
}
