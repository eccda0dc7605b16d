import { DUES_RULE_VERSIONS } from '../reference/membership-rules';
import { arrears, monthlyDueFen } from './dues';
import { MemberCategory as C } from './member-kinds';

const rules = DUES_RULE_VERSIONS[0];

describe('dues', () => {
  it.each([
    [C.IN_SERVICE, 300_000, 1500],
    [C.IN_SERVICE, 300_001, 3000],
    [C.IN_SERVICE, 500_000, 5000],
    [C.IN_SERVICE, 800_000, 12000],
    [C.IN_SERVICE, 1_200_000, 24000],
    [C.RETIRED, 400_000, 2000],
    [C.RETIRED, 600_000, 6000],
    [C.FARMER, 50, 50],
    [C.FARMER, null, 20],
    [C.STUDENT, 999_999, 20],
    [C.UNEMPLOYED, null, 20],
  ])('%s with base %s fen pays %s fen a month', (category, base, due) => {
    expect(monthlyDueFen(category, base, rules)).toBe(due);
  });

  it('counts unpaid months before the current one and the consecutive run', () => {
    const paid = new Set(['2026-03', '2026-04']);
    expect(arrears('2026-01', '2026-11', paid)).toEqual({
      unpaid: ['2026-01', '2026-02', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'],
      consecutive: 6,
    });
    expect(arrears('2026-11', '2026-11', paid)).toEqual({ unpaid: [], consecutive: 0 });
  });
});
