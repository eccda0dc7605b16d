import { rulesForYear } from '../reference/assessment-rules';
import { excellentAllowance, modelPostAllowance } from './quotas';

const rules = rulesForYear(2026);

describe('model post allowance (10 % of in-service members, rounded down)', () => {
  it.each([
    [100, 10],
    [109, 10],
    [110, 11],
    [10, 1],
    [19, 1],
    [20, 2],
    [9, 1],
    [1, 1],
    [0, 0],
  ])('%i in-service members may nominate %i', (inService, allowed) => {
    expect(modelPostAllowance(inService, rules)).toBe(allowed);
  });
});

describe('excellent share in an appraisal', () => {
  it('rounds down without floating-point loss, and allows one in a tiny branch', () => {
    expect(excellentAllowance(30, rules)).toBe(9);
    expect(excellentAllowance(10, rules)).toBe(3);
    expect(excellentAllowance(3, rules)).toBe(1);
    expect(excellentAllowance(0, rules)).toBe(0);
    expect(excellentAllowance(10, { ...rules, excellentRatio: 0.2 })).toBe(2);
  });
});
