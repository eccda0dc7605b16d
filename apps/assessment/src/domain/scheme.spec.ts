import { DomainError } from '@partybuild/errors';
import { rulesForYear } from '../reference/assessment-rules';
import { Comparison, IndicatorInput, checkScheme, vetoMet } from './scheme';
import { sampleScheme } from './scheme.fixture';
import { FactKey } from './facts';

const rules = rulesForYear(2026);

const refusal = (fn: () => unknown): DomainError => {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
};

describe('scheme checks', () => {
  it('flattens a valid tree with hierarchical codes, parents first', () => {
    const { indicators } = checkScheme(sampleScheme(), [], rules);
    expect(indicators.map((i) => [i.code, i.parentCode, i.leaf])).toEqual([
      ['1', null, false],
      ['1.1', '1', true],
      ['1.2', '1', true],
      ['1.3', '1', true],
      ['2', null, true],
      ['3', null, true],
    ]);
    expect(indicators[2]).toMatchObject({ fact: FactKey.MEMBERS_IN_ARREARS, deductionPerOccurrence: 2 });
  });

  it('refuses children whose maxima do not add up, naming the node and both numbers', () => {
    const scheme = sampleScheme();
    (scheme[0].children as IndicatorInput[])[0].maxScore = 25;
    const error = refusal(() => checkScheme(scheme, [], rules));
    expect(error.code).toBe('WEIGHTS_DO_NOT_ADD_UP');
    expect(error.message).toBe('指标“组织建设”满分 60 分，但其下级指标分值合计 55 分，二者必须相等。');
    expect(error.details).toMatchObject({ indicatorCode: '1', maxScore: 60, childrenTotal: 55 });
  });

  it('refuses a top level that does not make the scheme total', () => {
    const scheme = sampleScheme().slice(0, 2);
    expect(refusal(() => checkScheme(scheme, [], rules))).toMatchObject({
      code: 'SCHEME_TOTAL_MISMATCH',
      details: { total: 90, expected: 100 },
    });
  });

  it('refuses an automatic indicator or a veto naming an unknown fact', () => {
    const scheme = sampleScheme();
    scheme[2].fact = 'LIKES';
    expect(refusal(() => checkScheme(scheme, [], rules)).code).toBe('UNKNOWN_FACT');
    const veto = refusal(() =>
      checkScheme(sampleScheme(), [{ fact: 'LOGINS', comparison: Comparison.LT, threshold: 1, label: '登录次数' }], rules),
    );
    expect(veto.code).toBe('UNKNOWN_FACT');
    expect(veto.message).toContain('否决条件“登录次数”引用了不存在的数据项“LOGINS”');
  });

  it('refuses a leaf without a method and a counted fact without a deduction per occurrence', () => {
    const noMethod = sampleScheme();
    noMethod[1].method = null;
    expect(refusal(() => checkScheme(noMethod, [], rules)).code).toBe('INDICATOR_INVALID');
    const noPer = sampleScheme();
    (noPer[0].children as IndicatorInput[])[1].deductionPerOccurrence = null;
    expect(refusal(() => checkScheme(noPer, [], rules)).message).toContain('须设置每次扣分');
  });

  it('meets a veto only on data: no data never vetoes', () => {
    const veto = { fact: FactKey.QUARTERS_WITHOUT_MEETINGS, comparison: Comparison.GT, threshold: 0, label: '一个季度未开展三会一课' };
    expect(vetoMet(veto, 1)).toBe(true);
    expect(vetoMet(veto, 0)).toBe(false);
    expect(vetoMet(veto, null)).toBe(false);
  });
});
