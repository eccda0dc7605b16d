import { addDays, addYears, daysBetween, todayIn } from './dates';

describe('calendar dates', () => {
  it('adds days across months and years', () => {
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('keeps 29 February on the last day of February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('counts days between dates, negative when the second is earlier', () => {
    expect(daysBetween('2026-11-22', '2026-12-22')).toBe(30);
    expect(daysBetween('2026-11-22', '2026-11-21')).toBe(-1);
  });

  it('reads today in the district time zone, not UTC', () => {
    // 2026-11-22 20:30 UTC is already 23 November in Beijing time.
    expect(todayIn('Asia/Shanghai', new Date('2026-11-22T20:30:00Z'))).toBe('2026-11-23');
    expect(todayIn('UTC', new Date('2026-11-22T20:30:00Z'))).toBe('2026-11-22');
  });
});
