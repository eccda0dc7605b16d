import type { Caller } from '@partybuild/auth';

/** What every resolver receives. Services extend it with their DataLoaders. */
export interface RequestContext {
  caller: Caller;
  requestId: string;
}
