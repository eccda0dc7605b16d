import { loadMembershipConfig } from './config';
import { DATE_LIMITS } from './reference/membership-rules';

const env = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/membership',
  EVENTS_DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/events',
  GATEWAY_SIGNING_SECRET: 'x'.repeat(32),
  PERSONAL_DATA_KEY: 'a'.repeat(64),
};

describe('membership configuration: a district’s date limits', () => {
  it('keeps the defaults unless a district overrides some of them', () => {
    expect(loadMembershipConfig(env).MEMBERSHIP_DATE_LIMITS).toEqual(DATE_LIMITS);
    const limits = loadMembershipConfig({
      ...env,
      MEMBERSHIP_DATE_LIMITS: '{"backdateYears":{"developmentStep":30}}',
    }).MEMBERSHIP_DATE_LIMITS;
    expect(limits.backdateYears).toEqual({ ...DATE_LIMITS.backdateYears, developmentStep: 30 });
    expect(limits.historyFrom).toBe('1921-07-01');
  });

  it('stops at start-up on limits it cannot read, naming the variable', () => {
    expect(() => loadMembershipConfig({ ...env, MEMBERSHIP_DATE_LIMITS: '{"backdateYears":{"steps":30}}' })).toThrow(
      /MEMBERSHIP_DATE_LIMITS/,
    );
    expect(() => loadMembershipConfig({ ...env, MEMBERSHIP_DATE_LIMITS: 'ten years' })).toThrow(/MEMBERSHIP_DATE_LIMITS/);
  });
});
