import jwt from 'jsonwebtoken';
import { Role, inScope } from './caller';
import { issueUserToken, signCallerHeader, verifyCallerHeader, verifyUserToken } from './tokens';

const SECRET = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);
const cadre = { subject: 'u1', name: '张伟', roles: [Role.PARTY_CADRE], scope: ['branch-1'] };

describe('tokens', () => {
  it('round-trips a user token', () => {
    expect(verifyUserToken(issueUserToken(cadre, SECRET), SECRET)).toEqual(cadre);
  });

  it('refuses a token signed with another secret', () => {
    expect(() => verifyUserToken(issueUserToken(cadre, OTHER), SECRET)).toThrow(expect.objectContaining({ code: 'UNAUTHENTICATED' }));
  });

  it('refuses an expired token and says so', () => {
    const expired = issueUserToken(cadre, SECRET, -10);
    expect(() => verifyUserToken(expired, SECRET)).toThrow(/has expired/);
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

describe('scope', () => {
  it('lets a cadre act inside their subtree only', () => {
    expect(inScope(cadre, ['root', 'committee', 'branch-1'])).toBe(true);
    expect(inScope(cadre, ['root', 'committee', 'branch-1', 'group-1'])).toBe(true);
    expect(inScope(cadre, ['root', 'committee', 'branch-2'])).toBe(false);
    expect(inScope(cadre, ['root', 'committee'])).toBe(false);
  });

  it('lets a district administrator act anywhere', () => {
    expect(inScope({ ...cadre, roles: [Role.DISTRICT_ADMIN], scope: [] }, ['anything'])).toBe(true);
  });
});
