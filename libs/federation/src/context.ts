import type { Caller } from '@partybuild/auth';
import type { Logger } from '@partybuild/logging';

/** What every resolver receives. Services extend it with their DataLoaders. */
export interface RequestContext {
  caller: Caller;
  requestId: string;
  /** The service's logger bound to this request (request id, operation): use it, not the service's. */
  log: Logger;
}
