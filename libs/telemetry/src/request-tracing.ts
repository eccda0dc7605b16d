import { isSpanContextValid, trace } from '@opentelemetry/api';
import { currentRequestScope } from '@partybuild/logging';

/** The span attribute holding the request id (`x-request-id`), the key to the logs. */
export const REQUEST_ID_ATTRIBUTE = 'partybuild.request_id';

/**
 * Express middleware, mounted right after `requestScope`: sets the request id on the request's
 * span and binds the trace id to the request's logger, so a log line leads to its trace and a
 * trace to its log lines. Does nothing when tracing is off.
 */
export function traceRequests() {
  return (_req: unknown, _res: unknown, next: () => void): void => {
    const span = trace.getActiveSpan();
    const scope = currentRequestScope();
    if (span && scope && isSpanContextValid(span.spanContext())) {
      span.setAttribute(REQUEST_ID_ATTRIBUTE, scope.requestId);
      scope.log = scope.log.child({ traceId: span.spanContext().traceId });
    }
    next();
  };
}
