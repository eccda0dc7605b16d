import jwt from 'jsonwebtoken';
import { Role, inScope } from './caller';
import { issueUserToken, signCallerHeader, verifyCallerHeader, verifyUserToken } from './tokens';

const SECRET = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);
const BRANCH = '5f0c3a52-7d1e-4c8a-9a57-2f4f1c0d9e11';
const cadre = { subject: 'u1', name: '张伟', roles: [Role.PARTY_CADRE], scope: [BRANCH] };
const claims = { sub: 'u1', name: '张伟', roles: [Role.PARTY_CADRE], scope: [BRANCH] };
const userToken = (payload: object, options: jwt.SignOptions = {}) =>
  jwt.sign(payload, SECRET, { algorithm: 'HS256', issuer: 'partybuild', audience: 'partybuild-gateway', ...options });

describe('tokens', () => {
  it('round-trips a user token', () => {
    expect(verifyUserToken(issueUserToken(cadre, SECRET), SECRET)).toEqual(cadre);
  });

  it('refuses a token signed with another secret', () => {
    expect(() => verifyUserToken(issueUserToken(cadre, OTHER), SECRET)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('refuses an expired token and says so', () => {
    const expired = issueUserToken(cadre, SECRET, -10);
    expect(() => verifyUserToken(expired, SECRET)).toThrow(/登录令牌已过期/);
  });

  it('does not accept a user token as the gateway header, nor the reverse', () => {
    expect(() => verifyCallerHeader(issueUserToken(cadre, SECRET), SECRET)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    expect(() => verifyUserToken(signCallerHeader(cadre, SECRET), SECRET)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('refuses a token with an unknown role or the "none" algorithm', () => {
    const badRole = jwt.sign({ sub: 'x', roles: ['emperor'], scope: [] }, SECRET, { issuer: 'partybuild', audience: 'partybuild-gateway' });
    expect(() => verifyUserToken(badRole, SECRET)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
    const unsigned = jwt.sign({ sub: 'x', roles: [], scope: [] }, '', {
      algorithm: 'none',
      issuer: 'partybuild',
      audience: 'partybuild-gateway',
    });
    expect(() => verifyUserToken(unsigned, SECRET)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });
});

describe('token lifetime and scope', () => {
  it('refuses a token without exp: it would be valid forever', () => {
    expect(() => verifyUserToken(userToken(claims), SECRET)).toThrow(
      expect.objectContaining({
        code: 'UNAUTHENTICATED',
        details: expect.objectContaining({ reason: 'TOKEN_WITHOUT_EXPIRY', maxHours: 12 }),
      }),
    );
  });

  it('refuses a token issued for longer than the maximum lifetime, accepts one within it', () => {
    expect(() => verifyUserToken(userToken(claims, { expiresIn: 30 * 24 * 3600 }), SECRET)).toThrow(/超过 12 小时/);
    expect(() => verifyUserToken(userToken(claims, { expiresIn: 13 * 3600 }), SECRET, 24)).not.toThrow();
    expect(verifyUserToken(userToken(claims, { expiresIn: 3600 }), SECRET).scope).toEqual([BRANCH]);
  });

  it('refuses a scope that lists an organisation code instead of its id, naming the entry', () => {
    const token = userToken({ ...claims, scope: ['JG-01'] }, { expiresIn: 3600 });
    expect(() => verifyUserToken(token, SECRET)).toThrow(
      expect.objectContaining({
        code: 'UNAUTHENTICATED',
        details: expect.objectContaining({ reason: 'TOKEN_SCOPE_INVALID', entry: 'JG-01' }),
      }),
    );
  });
});

describe('scope', () => {
  it('lets a cadre act inside their subtree only', () => {
    expect(inScope(cadre, ['root', 'committee', BRANCH])).toBe(true);
    expect(inScope(cadre, ['root', 'committee', BRANCH, 'group-1'])).toBe(true);
    expect(inScope(cadre, ['root', 'committee', 'branch-2'])).toBe(false);
    expect(inScope(cadre, ['root', 'committee'])).toBe(false);
  });

  it('lets a district administrator act anywhere', () => {
    expect(inScope({ ...cadre, roles: [Role.DISTRICT_ADMIN], scope: [] }, ['anything'])).toBe(true);
  });
});
