import { Frequency } from './activity-type';
import { parsePeriod, slotOf, slotsOverlapping } from './period';

describe('periods', () => {
  it('reads a year, a quarter and a month', () => {
    expect(parsePeriod('2026')).toEqual({ label: '2026', start: '2026-01-01', end: '2026-12-31' });
    expect(parsePeriod('2026-Q3')).toEqual({ label: '2026-Q3', start: '2026-07-01', end: '2026-09-30' });
    expect(parsePeriod(' 2024-02 ')).toEqual({ label: '2024-02', start: '2024-02-01', end: '2024-02-29' });
  });

  it.each(['26', '2026-13', '2026-Q5', '2026/07', '2026-7', ''])('refuses %p with BAD_USER_INPUT', (text) => {
    expect(() => parsePeriod(text)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  it('finds the slots of a frequency overlapping a period', () => {
    expect(slotsOverlapping(Frequency.QUARTERLY, parsePeriod('2026')).map((s) => s.label)).toEqual([
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(slotsOverlapping(Frequency.QUARTERLY, parsePeriod('2026-08')).map((s) => s.label)).toEqual(['2026-Q3']);
    expect(slotsOverlapping(Frequency.MONTHLY, parsePeriod('2026-Q4')).map((s) => s.label)).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(slotsOverlapping(Frequency.YEARLY, parsePeriod('2026-Q2')).map((s) => s.label)).toEqual(['2026']);
    expect(slotOf(Frequency.QUARTERLY, '2026-12-31').label).toBe('2026-Q4');
  });
});
