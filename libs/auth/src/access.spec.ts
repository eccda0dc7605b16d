import { ACCESS_TABLE, OPERATIONS, allowed, assertAllowed, conditionFor, reach } from './access';
import { Caller, Role } from './caller';
import { issueUserToken, verifyUserToken } from './tokens';

const ROOT = ['root'];
const MINE = ['root', 'committee', '5f0c3a52-7d1e-4c8a-9a57-2f4f1c0d9e11'];
const OTHER = ['root', 'committee', 'branch-2'];
const callers: Record<Role, Caller> = {
  [Role.DISTRICT_ADMIN]: { subject: 'a', name: 'a', roles: [Role.DISTRICT_ADMIN], scope: [] },
  [Role.PARTY_CADRE]: { subject: 'c', name: 'c', roles: [Role.PARTY_CADRE], scope: ['5f0c3a52-7d1e-4c8a-9a57-2f4f1c0d9e11'] },
  [Role.MEMBER]: { subject: 'm', name: 'm', roles: [Role.MEMBER], scope: ['5f0c3a52-7d1e-4c8a-9a57-2f4f1c0d9e11'], memberId: 'me' },
  [Role.ANALYST]: { subject: 'n', name: 'n', roles: [Role.ANALYST], scope: ['5f0c3a52-7d1e-4c8a-9a57-2f4f1c0d9e11'] },
};

describe('the access table', () => {
  it('has a condition for every role in every row', () => {
    for (const op of OPERATIONS) {
      for (const role of Object.values(Role)) {
        expect({ op, role, c: (ACCESS_TABLE[op] as Record<Role, string>)[role] }).toEqual({
          op,
          role,
          c: expect.stringMatching(/^(anywhere|in-scope|own|never)$/),
        });
      }
    }
  });

  it('gives analysts no names: no member, roster, export, due list, arrears, transfers, attendance, committee or assessment evidence', () => {
    const personal = OPERATIONS.filter((op) => ACCESS_TABLE[op].analyst !== 'never');
    expect(personal.sort()).toEqual(
      ['activity.compliance', 'duesSummary', 'organization.read', 'pairing.summary', 'statistics.read', 'assessment.scores'].sort(),
    );
  });

  it('applies each condition to the target', () => {
    for (const op of OPERATIONS) {
      for (const role of Object.values(Role)) {
        const caller = callers[role];
        const condition = conditionFor(caller, op);
        const expectation = {
          elsewhere: condition === 'anywhere',
          inScope: condition === 'anywhere' || condition === 'in-scope',
          own: condition !== 'never',
        };
        expect({
          op,
          role,
          elsewhere: allowed(caller, op, { path: OTHER, memberId: 'other' }),
          inScope: allowed(caller, op, { path: MINE, memberId: 'someone' }),
          own: allowed(caller, op, { path: MINE, memberId: 'me' }),
        }).toEqual({ op, role, ...expectation });
      }
    }
  });

  it('never counts a record without its organisation as in scope', () => {
    expect(allowed(callers[Role.PARTY_CADRE], 'activity.attendance', { memberId: 'someone' })).toBe(false);
    expect(allowed(callers[Role.PARTY_CADRE], 'activity.attendance')).toBe(true);
    expect(allowed(callers[Role.MEMBER], 'activity.attendance', { memberId: 'me' })).toBe(true);
    expect(allowed(callers[Role.MEMBER], 'activity.attendance')).toBe(true);
    expect(allowed({ ...callers[Role.MEMBER], memberId: undefined }, 'activity.attendance')).toBe(false);
  });

  it('gives database filters the reach of the caller: everywhere, scope roots, nothing, or a refusal', () => {
    expect(reach(callers[Role.DISTRICT_ADMIN], 'activity.read')).toEqual({ anywhere: true, roots: [] });
    expect(reach(callers[Role.PARTY_CADRE], 'activity.read')).toEqual({ anywhere: false, roots: ['5f0c3a52-7d1e-4c8a-9a57-2f4f1c0d9e11'] });
    expect(reach(callers[Role.MEMBER], 'activity.attendance')).toEqual({ anywhere: false, roots: [] });
    expect(() => reach(callers[Role.ANALYST], 'activity.read')).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('takes the most generous of several roles', () => {
    const both = { ...callers[Role.ANALYST], roles: [Role.ANALYST, Role.PARTY_CADRE] };
    expect(allowed(both, 'member.read', { path: MINE })).toBe(true);
    expect(allowed(both, 'member.read', { path: OTHER })).toBe(false);
    expect(allowed(callers[Role.DISTRICT_ADMIN], 'member.read', { path: ROOT })).toBe(true);
  });

  it('refuses with FORBIDDEN, naming the row and the reason in Chinese', () => {
    const never = () => assertAllowed(callers[Role.ANALYST], 'member.export', { path: MINE });
    expect(never).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        details: expect.objectContaining({ operation: 'member.export', reason: 'ROLE_NOT_ALLOWED' }),
      }),
    );
    expect(never).toThrow(/统计分析人员.*导出党员名册/);
    const notOwn = () => assertAllowed(callers[Role.MEMBER], 'member.read', { path: MINE, memberId: 'other' });
    expect(notOwn).toThrow(expect.objectContaining({ code: 'FORBIDDEN', details: expect.objectContaining({ reason: 'NOT_OWN_RECORD' }) }));
    expect(notOwn).toThrow(/只能查看本人的记录/);
    const outside = () => assertAllowed(callers[Role.PARTY_CADRE], 'member.read', { path: OTHER }, '司法局机关党支部');
    expect(outside).toThrow(expect.objectContaining({ code: 'FORBIDDEN', details: expect.objectContaining({ reason: 'OUT_OF_SCOPE' }) }));
    expect(outside).toThrow(/司法局机关党支部/);
  });

  it('carries the member record of a member token through the sign-in token', () => {
    const secret = 's'.repeat(40);
    expect(verifyUserToken(issueUserToken(callers[Role.MEMBER], secret), secret)).toEqual(callers[Role.MEMBER]);
    expect(verifyUserToken(issueUserToken(callers[Role.PARTY_CADRE], secret), secret)).not.toHaveProperty('memberId');
  });
});
