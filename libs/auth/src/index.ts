export { Role, hasRole, inScope, canManage } from './caller';
export type { Caller } from './caller';
export { CALLER_HEADER, DEFAULT_MAX_TOKEN_HOURS, issueUserToken, verifyUserToken, signCallerHeader, verifyCallerHeader } from './tokens';
export { ACCESS_TABLE, OPERATIONS, AccessErrors, allowed, assertAllowed, conditionFor, mayEver, reach } from './access';
export type { Condition, Operation, Target } from './access';
