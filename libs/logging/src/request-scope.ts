import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';

/** What one request carries from the HTTP layer to resolvers, commands and error formatting. */
export interface RequestScope {
  requestId: string;
  /** The service's logger with `requestId` bound (and `operation` once known). */
  log: Logger;
  /** The caller's `accept-language`, for the language of refusals. */
  acceptLanguage?: string;
  /** The GraphQL operation's name, once parsed. */
  operation?: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** A request id from the caller (or the gateway) if it is a sane token, else a new one. */
export function requestIdFrom(header: string | undefined): string {
  return header && /^[A-Za-z0-9._:-]{1,100}$/.test(header) ? header : randomUUID();
}

/** Runs `work` with the request's scope, so everything it awaits can find it. */
export function runInRequestScope<T>(scope: RequestScope, work: () => T): T {
  return storage.run(scope, work);
}

/** The scope of the request being served, if any (none in consumers and start-up). */
export function currentRequestScope(): RequestScope | undefined {
  return storage.getStore();
}

/** Names the operation in the scope and in every later log line of the request. */
export function nameOperation(operation: string | null | undefined): void {
  const scope = storage.getStore();
  if (!scope || !operation || scope.operation) return;
  scope.operation = operation;
  scope.log = scope.log.child({ operation });
}

/** The request's logger, or the given fallback outside a request. */
export function requestLogger(fallback: Logger): Logger {
  return storage.getStore()?.log ?? fallback;
}

/** Minimal shapes, so this library does not depend on express. */
interface HttpRequest {
  header(name: string): string | undefined;
}
interface HttpResponse {
  setHeader(name: string, value: string): unknown;
}

/**
 * Express middleware: takes `x-request-id` (or makes one), echoes it in the response, and
 * runs the rest of the request inside its scope with a child logger carrying the id. Mount
 * it after the body parser: the parser's stream callbacks would not keep the scope.
 */
export function requestScope(logger: Logger) {
  return (req: HttpRequest, res: HttpResponse, next: () => void): void => {
    const requestId = requestIdFrom(req.header('x-request-id'));
    res.setHeader('x-request-id', requestId);
    runInRequestScope({ requestId, log: logger.child({ requestId }), acceptLanguage: req.header('accept-language') }, next);
  };
}
