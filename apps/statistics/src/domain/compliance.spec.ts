import { branchCompliance, elapsedUnits } from './compliance';

const months2026 = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

describe('三会一课 compliance', () => {
  it('checks only the months and quarters that have ended', () => {
    expect(elapsedUnits(months2026, 'QUARTER', '2026-11-22')).toEqual([
      ['2026-01', '2026-02', '2026-03'],
      ['2026-04', '2026-05', '2026-06'],
      ['2026-07', '2026-08', '2026-09'],
    ]);
    expect(elapsedUnits(months2026, 'MONTH', '2026-03-31')).toHaveLength(3);
    expect(elapsedUnits(['2026-02'], 'QUARTER', '2026-11-22')).toEqual([]);
  });

  it('asks a small branch without groups for general meetings and lectures only', () => {
    const held = (_host: string, type: string, months: string[]) => type === 'GENERAL_MEETING' && months.includes('2026-02');
    expect(branchCompliance({ id: 'b', members: 5, partyGroups: [] }, months2026, '2026-06-30', held)).toEqual({ due: 4, met: 1 });
  });

  it('asks a branch of 7 for monthly committee meetings and each group for monthly group meetings', () => {
    const held = (host: string, type: string) => (host === 'g1' && type === 'PARTY_GROUP_MEETING') || type === 'COMMITTEE_MEETING';
    // Three months elapsed: 1 general + 1 lecture + 3 committee + 3×2 group meetings due.
    expect(branchCompliance({ id: 'b', members: 7, partyGroups: ['g1', 'g2'] }, months2026, '2026-03-31', held)).toEqual({
      due: 11,
      met: 6,
    });
  });
});
