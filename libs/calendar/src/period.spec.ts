import { monthsOf, parsePeriod } from './period';

describe('statistics periods', () => {
  it('reads a year, a quarter and a month', () => {
    expect(parsePeriod('2026')).toEqual({ label: '2026', start: '2026-01-01', end: '2026-12-31' });
    expect(parsePeriod('2026-Q1')).toEqual({ label: '2026-Q1', start: '2026-01-01', end: '2026-03-31' });
    expect(parsePeriod('2024-02')).toEqual({ label: '2024-02', start: '2024-02-01', end: '2024-02-29' });
  });

  it('refuses what is not a period, with an example', () => {
    for (const bad of ['2026-13', '2026-Q5', 'last year', '26', '2026-1']) {
      expect(() => parsePeriod(bad)).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', message: expect.stringMatching(/2026-Q3/) }),
      );
    }
  });

  it('lists the months of a quarter', () => {
    expect(monthsOf(parsePeriod('2026-Q4'))).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(monthsOf(parsePeriod('2026'))).toHaveLength(12);
  });

  it('refuses a year no record can have, naming the range', () => {
    for (const text of ['0000', '0001-Q1', '1900-07', '9999']) {
      expect(() => parsePeriod(text)).toThrow(
        expect.objectContaining({ code: 'NUMBER_OUT_OF_RANGE', details: expect.objectContaining({ min: 1921, max: 2100 }) }),
      );
    }
  });
});
