import { DomainError } from '@partybuild/errors';
import { calendarYearSchema, parseCalendarYears } from './calendar-year';
import { OFFICIAL_YEARS } from './official-years';
import { WorkingDayCalendar } from './working-day-calendar';

const calendar = WorkingDayCalendar.official();

describe('official working-day calendar', () => {
  it.each(OFFICIAL_YEARS.map((y) => [y.year, y] as const))(
    '%i as shipped is well-formed: adjusted working days fall on weekends',
    (_year, y) => {
      expect(calendarYearSchema.safeParse(y).success).toBe(true);
      for (const day of y.adjustedWorkingDays) expect([0, 6]).toContain(new Date(`${day}T00:00:00Z`).getUTCDay());
    },
  );

  it('a 5-working-day notice from 2026-09-28 ends on 2026-10-09, not 2026-10-02 (National Day)', () => {
    expect(calendar.nthWorkingDay('2026-09-28', 5)).toBe('2026-10-09');
  });

  it('counts adjusted weekend working days (调休) and skips holidays on weekdays', () => {
    expect(calendar.isWorkingDay('2026-02-14')).toBe(true); // Saturday, worked before Spring Festival
    expect(calendar.isWorkingDay('2026-02-16')).toBe(false); // Monday, Spring Festival
    expect(calendar.isWorkingDay('2025-09-28')).toBe(true); // Sunday, worked before National Day 2025
    expect(calendar.isWorkingDay('2026-11-21')).toBe(false); // an ordinary Saturday
    // 9–13 Feb (5), Sat 14 (调休), 15–23 holiday, 24–27 Feb (4), Sat 28 (调休): 11
    expect(calendar.workingDaysBetween('2026-02-09', '2026-02-28')).toBe(11);
  });

  it('refuses to count into a year the calendar does not know, naming the known years', () => {
    const error = (() => {
      try {
        calendar.nthWorkingDay('2027-03-01', 5);
      } catch (e) {
        return e;
      }
    })() as DomainError;
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('WORKING_DAY_CALENDAR_UNKNOWN_YEAR');
    expect(error.message).toContain('2027');
    expect(error.message).toContain('2022、2023、2024、2025、2026');
  });

  it('takes a later year from an administrator file, validated', () => {
    const extra = parseCalendarYears(
      JSON.stringify([
        { year: 2027, notice: '通知', holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-01' }], adjustedWorkingDays: [] },
      ]),
    );
    const updated = WorkingDayCalendar.official(extra);
    expect(updated.isWorkingDay('2027-01-01')).toBe(false);
    expect(updated.years()).toEqual([2022, 2023, 2024, 2025, 2026, 2027]);
    expect(() =>
      parseCalendarYears(
        '[{"year":2027,"notice":"x","holidays":[{"name":"元旦","from":"2028-01-02","to":"2027-01-01"}],"adjustedWorkingDays":[]}]',
      ),
    ).toThrow(/元旦/);
  });
});
