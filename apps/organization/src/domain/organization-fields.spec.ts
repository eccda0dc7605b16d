import { OrganizationKind as K } from './organization-kind';
import { checkEndDate, checkStaffCount, normaliseCode, normaliseName } from './organization-fields';

describe('organisation fields', () => {
  it('trims names and refuses empty or over-long ones', () => {
    expect(normaliseName('  合川区交通局机关党支部 ')).toBe('合川区交通局机关党支部');
    expect(() => normaliseName('   ')).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field: 'name' }) }),
    );
    expect(() => normaliseName('党'.repeat(101))).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(normaliseName('党'.repeat(100))).toHaveLength(100);
  });

  it('accepts codes of letters, digits and separators only', () => {
    expect(normaliseCode(' HC-JT-01 ')).toBe('HC-JT-01');
    expect(() => normaliseCode('HC JT')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => normaliseCode('')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('requires an end date exactly for temporary organisations', () => {
    expect(checkEndDate(K.TEMPORARY_ORGANIZATION, '2027-01-31', '2026-11-22')).toBe('2027-01-31');
    expect(() => checkEndDate(K.TEMPORARY_ORGANIZATION, null, '2026-11-22')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'endsOn' }) }),
    );
    expect(() => checkEndDate(K.TEMPORARY_ORGANIZATION, '2026-11-01', '2026-11-22')).toThrow(/已经过去/);
    expect(() => checkEndDate(K.BRANCH, '2027-01-31', '2026-11-22')).toThrow(/只有临时党组织才有结束日期/);
    expect(checkEndDate(K.BRANCH, undefined, '2026-11-22')).toBeNull();
  });

  it('refuses negative or fractional staff counts', () => {
    expect(checkStaffCount(186, 'staffCount')).toBe(186);
    expect(checkStaffCount(undefined, 'staffCount')).toBeNull();
    expect(() => checkStaffCount(-1, 'staffCount')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
    expect(() => checkStaffCount(1.5, 'staffCount')).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
