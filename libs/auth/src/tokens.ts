import { KeyObject, createSecretKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { CommonErrors, NotAuthenticatedError } from '@partybuild/errors';
import { Caller, Role } from './caller';

const ISSUER = 'partybuild';
/** The header in which the gateway forwards the verified caller to subgraphs. */
export const CALLER_HEADER = 'x-partybuild-caller';
const SUBGRAPH_AUDIENCE = 'partybuild-subgraph';
const USER_AUDIENCE = 'partybuild-gateway';

const secretKeys = new Map<string, KeyObject>();
/**
 * The HMAC key of a secret, made once. Given a string, jsonwebtoken first tries to read it as a
 * PEM key on every call and builds the secret key from the error: about a millisecond per signed
 * or checked caller header, i.e. per subgraph fetch.
 */
function keyOf(secret: string): KeyObject {
  if (!secret) throw new Error('a token secret is required');
  let key = secretKeys.get(secret);
  if (!key) secretKeys.set(secret, (key = createSecretKey(Buffer.from(secret, 'utf8'))));
  return key;
}

interface CallerClaims {
  sub: string;
  name: string;
  roles: Role[];
  scope: string[];
  /** The member record of a `member` token. */
  memberId?: string;
}

/** Scope entries are organisation ids; an organisation code in their place would reach SQL as a uuid. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How long a user token may live when nothing else is configured (hours). */
export const DEFAULT_MAX_TOKEN_HOURS = 12;

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
    throw new NotAuthenticatedError(CommonErrors.TOKEN_USER_INVALID());
  }
  const badScope = claims.scope.find((entry) => typeof entry !== 'string' || !UUID.test(entry));
  if (badScope !== undefined) throw new NotAuthenticatedError(CommonErrors.TOKEN_SCOPE_INVALID({ entry: String(badScope).slice(0, 40) }));
  return {
    subject: claims.sub,
    name: claims.name ?? claims.sub,
    roles: claims.roles,
    scope: claims.scope.map(String),
    ...(claims.memberId ? { memberId: claims.memberId } : {}),
  };
}

/**
 * A token that never expires is valid forever once it leaks: a user token must carry `exp`,
 * and may not be issued for longer than the configured maximum.
 */
function checkLifetime(payload: jwt.JwtPayload, maxHours: number): void {
  if (typeof payload.exp !== 'number') throw new NotAuthenticatedError(CommonErrors.TOKEN_WITHOUT_EXPIRY({ maxHours }));
  const issuedAt = typeof payload.iat === 'number' ? payload.iat : Math.floor(Date.now() / 1000);
  // A minute of leeway for clocks that disagree.
  if (payload.exp - issuedAt > maxHours * 3600 + 60) throw new NotAuthenticatedError(CommonErrors.TOKEN_LIFETIME_TOO_LONG({ maxHours }));
}

function verify(token: string, secret: string, audience: string, gatewayHeader: boolean, maxHours: number): Caller {
  try {
    const payload = jwt.verify(token, keyOf(secret), { algorithms: ['HS256'], issuer: ISSUER, audience });
    if (typeof payload === 'string') throw new NotAuthenticatedError(CommonErrors.TOKEN_USER_INVALID());
    checkLifetime(payload, maxHours);
    return toCaller(payload);
  } catch (error) {
    if (error instanceof NotAuthenticatedError) throw error;
    if (gatewayHeader) throw new NotAuthenticatedError(CommonErrors.GATEWAY_SIGNATURE_INVALID());
    throw new NotAuthenticatedError(error instanceof jwt.TokenExpiredError ? CommonErrors.TOKEN_EXPIRED() : CommonErrors.TOKEN_INVALID());
  }
}

/** A user's bearer token, presented to the gateway. */
export const issueUserToken = (caller: Caller, secret: string, expiresInSeconds = 8 * 3600): string =>
  jwt.sign(toClaims(caller), keyOf(secret), { algorithm: 'HS256', issuer: ISSUER, audience: USER_AUDIENCE, expiresIn: expiresInSeconds });

export const verifyUserToken = (token: string, secret: string, maxHours = DEFAULT_MAX_TOKEN_HOURS): Caller =>
  verify(token, secret, USER_AUDIENCE, false, maxHours);

/** Short-lived: it only has to cross from the gateway to a subgraph. */
export const signCallerHeader = (caller: Caller, secret: string): string =>
  jwt.sign(toClaims(caller), keyOf(secret), { algorithm: 'HS256', issuer: ISSUER, audience: SUBGRAPH_AUDIENCE, expiresIn: 60 });

export const verifyCallerHeader = (value: string, secret: string): Caller => verify(value, secret, SUBGRAPH_AUDIENCE, true, 1 / 60);
