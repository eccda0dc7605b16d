import jwt from 'jsonwebtoken';
import { NotAuthenticatedError } from '@partybuild/errors';
import { Caller, Role } from './caller';

const ISSUER = 'partybuild';
/** The header in which the gateway forwards the verified caller to subgraphs. */
export const CALLER_HEADER = 'x-partybuild-caller';
const SUBGRAPH_AUDIENCE = 'partybuild-subgraph';
const USER_AUDIENCE = 'partybuild-gateway';

interface CallerClaims {
  sub: string;
  name: string;
  roles: Role[];
  scope: string[];
  /** The member record of a `member` token. */
  memberId?: string;
}

const toClaims = (c: Caller): CallerClaims => ({
  sub: c.subject,
  name: c.name,
  roles: c.roles,
  scope: c.scope,
  ...(c.memberId ? { memberId: c.memberId } : {}),
});

function toCaller(payload: string | jwt.JwtPayload): Caller {
  const claims = payload as Partial<CallerClaims>;
  const roles = Object.values(Role) as string[];
  if (
    typeof claims.sub !== 'string' ||
    !Array.isArray(claims.roles) ||
    !claims.roles.every((r) => roles.includes(r)) ||
    !Array.isArray(claims.scope) ||
    (claims.memberId !== undefined && typeof claims.memberId !== 'string')
  ) {
    throw new NotAuthenticatedError('The token does not describe a valid user.');
  }
  return {
    subject: claims.sub,
    name: claims.name ?? claims.sub,
    roles: claims.roles,
    scope: claims.scope.map(String),
    ...(claims.memberId ? { memberId: claims.memberId } : {}),
  };
}

function verify(token: string, secret: string, audience: string, what: string): Caller {
  try {
    return toCaller(jwt.verify(token, secret, { algorithms: ['HS256'], issuer: ISSUER, audience }));
  } catch (error) {
    if (error instanceof NotAuthenticatedError) throw error;
    const reason = error instanceof jwt.TokenExpiredError ? 'has expired' : 'is not valid';
    throw new NotAuthenticatedError(`The ${what} ${reason}; please sign in again.`);
  }
}

/** A user's bearer token, presented to the gateway. */
export const issueUserToken = (caller: Caller, secret: string, expiresInSeconds = 8 * 3600): string =>
  jwt.sign(toClaims(caller), secret, { algorithm: 'HS256', issuer: ISSUER, audience: USER_AUDIENCE, expiresIn: expiresInSeconds });

export const verifyUserToken = (token: string, secret: string): Caller => verify(token, secret, USER_AUDIENCE, 'sign-in token');

/** Short-lived: it only has to cross from the gateway to a subgraph. */
export const signCallerHeader = (caller: Caller, secret: string): string =>
  jwt.sign(toClaims(caller), secret, { algorithm: 'HS256', issuer: ISSUER, audience: SUBGRAPH_AUDIENCE, expiresIn: 60 });

export const verifyCallerHeader = (value: string, secret: string): Caller => verify(value, secret, SUBGRAPH_AUDIENCE, 'gateway signature');
