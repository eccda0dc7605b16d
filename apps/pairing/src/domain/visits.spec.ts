import { PAIRING_RULES_HISTORY } from '../reference/pairing-rules';
import { checkVisitRows, readVisitCsv } from './visits';

const RULES = PAIRING_RULES_HISTORY[0];
const M = '7b0c7f3e-2f6a-4a39-9a51-0c1a2b3c4d5e';

describe('household visit rows', () => {
  it('reads a CSV part and names every bad row and column', () => {
    const { visits, errors } = readVisitCsv([
      ['household', 'visitedOn', 'visitors', 'note', 'problemCategory', 'problemDescription', 'assignee', 'deadline'],
      ['3组12号', '2026-11-20', `${M};${M}`, '', '', '', '', ''],
      ['3组13号', '2026-11-31', M, '', '路灯', '路灯坏了', 'T-1', ''],
      ['', '2026-11-21', '', '', '基础设施', '', 'T-1', '2027-12-01'],
    ]);
    expect(errors).toEqual([]);
    expect(visits[0]).toMatchObject({ household: '3组12号', visitorMemberIds: [M, M], problem: null });
    const found = checkVisitRows(visits, '2026-11-22', RULES).map((e) => `${e.row}:${e.column}`);
    expect(found).toEqual(['2:visitedOn', '2:problemCategory', '3:household', '3:visitors', '3:problemDescription', '3:deadline']);
  });

  it('turns a category label into its code', () => {
    const { visits } = readVisitCsv([
      ['household', 'visitedOn', 'visitors', 'problemCategory', 'problemDescription', 'assignee'],
      ['1号', '2026-11-20', M, '基础设施', '道路破损', 'T-1'],
    ]);
    expect(checkVisitRows(visits, '2026-11-22', RULES)).toEqual([]);
    expect(visits[0].problem?.category).toBe('INFRASTRUCTURE');
  });

  it('refuses a header without the required columns', () => {
    expect(readVisitCsv([['household', 'date']]).errors.map((e) => e.column)).toEqual(['visitedOn', 'visitors']);
  });
});
