import { addMonths, ageOn, nthWorkingDay } from './dates';

describe('membership dates', () => {
  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-22', 3)).toBe('2027-02-22');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });

  it('counts working days by the official calendar', () => {
    // 2026-11-20 is a Friday.
    expect(nthWorkingDay('2026-11-20', 5)).toBe('2026-11-26');
    expect(nthWorkingDay('2026-11-21', 1)).toBe('2026-11-23');
    // National Day 2026: 1–7 October off, Saturday 10 October worked.
    expect(nthWorkingDay('2026-09-28', 5)).toBe('2026-10-09');
  });

  it('computes whole years of age', () => {
    expect(ageOn('2008-11-23', '2026-11-22')).toBe(17);
    expect(ageOn('2008-11-22', '2026-11-22')).toBe(18);
  });
});
