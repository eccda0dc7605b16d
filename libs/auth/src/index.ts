export { Role, hasRole, inScope, canManage } from './caller';
export type { Caller } from './caller';
export { CALLER_HEADER, issueUserToken, verifyUserToken, signCallerHeader, verifyCallerHeader } from './tokens';
