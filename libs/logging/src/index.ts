export { createLogger, safeError, useLogDestination } from './logger';
export type { Logger, DestinationStream } from './logger';
export { requestScope, runInRequestScope, currentRequestScope, nameOperation, requestLogger, requestIdFrom } from './request-scope';
export type { RequestScope } from './request-scope';
