import { rulesForYear, RoundGrade } from '../reference/assessment-rules';
import { FactKey, FactValues } from './facts';
import { Comparison, Phase, checkScheme } from './scheme';
import { EntryKind, gradeOf, rankOf, scoreRound, starsOf, topTen } from './scoring';
import { sampleScheme } from './scheme.fixture';

const rules = rulesForYear(2026);
const noFacts = Object.fromEntries(Object.values(FactKey).map((k) => [k, null])) as FactValues;
const veto = { fact: FactKey.QUARTERS_WITHOUT_MEETINGS, comparison: Comparison.GT, threshold: 0, label: '一个季度未开展三会一课' };

describe('scoring a round', () => {
  const { indicators, vetoes } = checkScheme(sampleScheme(), [veto], rules);

  it('scores automatic leaves from facts, deductions from the maximum, manual by the year-end over the self-assessment', () => {
    const result = scoreRound(
      indicators,
      vetoes,
      [
        { indicatorCode: '2', phase: Phase.SELF_ASSESSMENT, kind: EntryKind.SCORE, points: 30 },
        { indicatorCode: '2', phase: Phase.YEAR_END, kind: EntryKind.SCORE, points: 25 },
        { indicatorCode: '1.3', phase: Phase.SPOT_CHECK, kind: EntryKind.DEDUCTION, points: 3 },
        { indicatorCode: '1.3', phase: Phase.SPOT_CHECK, kind: EntryKind.DEDUCTION, points: 2 },
      ],
      { ...noFacts, MEETING_COMPLIANCE: 0.8, MEMBERS_IN_ARREARS: 2, QUARTERS_WITHOUT_MEETINGS: 0 },
    );
    const byCode = Object.fromEntries(result.indicators.map((i) => [i.code, i.score]));
    expect(byCode).toEqual({ '1': 24 + 6 + 15, '1.1': 24, '1.2': 6, '1.3': 15, '2': 25, '3': null });
    // 70 earned of the 90 points that have data (the pairing indicator has none yet).
    expect(result).toMatchObject({ earned: 70, counted: 90, finalScore: 77.78, vetoes: [] });
  });

  it('shows "no data" for a pairing indicator rather than zero, and counts an unscored manual leaf as zero', () => {
    const result = scoreRound(indicators, vetoes, [], noFacts);
    const pairing = result.indicators.find((i) => i.code === '3');
    expect(pairing).toMatchObject({ score: null, factValue: null });
    expect(result.indicators.find((i) => i.code === '2')).toMatchObject({ score: 0, unscored: true });
    expect(result.counted).toBe(50);
  });

  it('lists the vetoes met', () => {
    expect(scoreRound(indicators, vetoes, [], { ...noFacts, QUARTERS_WITHOUT_MEETINGS: 1 }).vetoes).toEqual(['一个季度未开展三会一课']);
  });
});

describe('results', () => {
  it('grades and stars by thresholds, capped by a veto', () => {
    expect(gradeOf(96, false, rules)).toBe(RoundGrade.EXCELLENT);
    expect(gradeOf(96, true, rules)).toBe(RoundGrade.FAIR);
    expect(gradeOf(50, true, rules)).toBe(RoundGrade.POOR);
    expect([starsOf(96, false, rules), starsOf(85, false, rules), starsOf(59.99, false, rules), starsOf(96, true, rules)]).toEqual([
      5, 4, 1, 2,
    ]);
  });

  it('ranks ties together and lists 十佳 above the minimum, without vetoed units', () => {
    const rows = [
      { id: 'a', finalScore: 95, vetoed: false },
      { id: 'b', finalScore: 97, vetoed: true },
      { id: 'c', finalScore: 95, vetoed: false },
      { id: 'd', finalScore: 80, vetoed: false },
    ];
    expect(rankOf(rows).map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
    expect(topTen(rows, rules).map((r) => [r.id, r.rank])).toEqual([
      ['a', 1],
      ['c', 1],
    ]);
  });
});
