import type { Caller } from '@partybuild/auth';
import type { Logger } from '@partybuild/logging';
import type { IdempotencyScope } from '@partybuild/persistence';

/** What every resolver receives. Services extend it with their DataLoaders. */
export interface RequestContext {
  caller: Caller;
  requestId: string;
  /** The service's logger bound to this request (request id, operation): use it, not the service's. */
  log: Logger;
  /** The request's `Idempotency-Key` header, forwarded by the gateway; null without one. */
  idempotencyKey?: string | null;
}

/**
 * The idempotency scope of a create mutation: the `idempotencyKey` argument, else the
 * request's `Idempotency-Key` header; null when the caller sent neither (the work just runs).
 * Keys are compared within one caller and one operation only.
 */
export function idempotencyScope(ctx: RequestContext, operation: string, argument?: string | null): IdempotencyScope | null {
  const key = argument ?? ctx.idempotencyKey ?? null;
  return key === null ? null : { caller: ctx.caller.subject, operation, key };
}
