import { checkDayWithin, checkNumberWithin } from './ranges';

describe('ranges of dates and numbers', () => {
  const range = { earliest: '2016-11-22', latest: '2026-11-22' };

  it('accepts the bounds and what lies between', () => {
    expect(checkDayWithin('heldOn', '开展日期', '2016-11-22', range)).toBe('2016-11-22');
    expect(checkDayWithin('heldOn', '开展日期', '2026-11-22', range)).toBe('2026-11-22');
    expect(checkNumberWithin('sizeBytes', '附件大小', 0, { min: 0, max: 10 })).toBe(0);
  });

  it('refuses a day before or after, stating the range in Chinese', () => {
    for (const day of ['0000-01-01', '1900-01-01', '9999-12-31', '2016-11-21', '2026-11-23']) {
      const error = (() => {
        try {
          checkDayWithin('heldOn', '开展日期', day, range);
        } catch (e) {
          return e as { code: string; message: string; details: Record<string, unknown> };
        }
      })();
      expect(error).toMatchObject({
        code: 'DATE_OUT_OF_RANGE',
        details: { field: 'heldOn', earliest: range.earliest, latest: range.latest },
      });
      expect(error?.message).toBe(`开展日期（${day}）不在允许的范围内：应在 2016-11-22 至 2026-11-22 之间。`);
    }
  });

  it('refuses huge, negative and fractional numbers', () => {
    for (const value of [1e300, -1, 0.5, Number.NaN, 11]) {
      expect(() => checkNumberWithin('sizeBytes', '附件大小', value, { min: 0, max: 10 })).toThrow(/附件大小.*0 至 10/);
    }
  });
});
