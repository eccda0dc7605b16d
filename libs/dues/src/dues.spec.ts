import { dueIn, memberDues, sumDues, withMonthlyDue } from './dues';

const months2026 = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

describe('党费 — one definition', () => {
  it('owes from the start month, not before, and not the current month', () => {
    const account = { startMonth: '2026-09', monthlyDues: [{ from: '2026-09', fen: 1500 }] };
    const dues = memberDues(account, months2026, '2026-11', new Map());
    // September and October are owed; November is not over yet; nothing before September.
    expect(dues).toEqual({ expectedFen: 3000, collectedFen: 0, unpaidMonths: ['2026-09', '2026-10'] });
  });

  it('charges each month the due in force that month', () => {
    const account = {
      startMonth: '2025-01',
      monthlyDues: [
        { from: '2025-01', fen: 1000 },
        { from: '2026-07', fen: 2500 },
      ],
    };
    expect(dueIn(account, '2026-06')).toBe(1000);
    expect(dueIn(account, '2026-07')).toBe(2500);
    const paid = new Map(months2026.slice(0, 10).map((m) => [m, dueIn(account, m)]));
    const dues = memberDues(account, months2026, '2026-11', paid);
    expect(dues).toEqual({ expectedFen: 6 * 1000 + 4 * 2500, collectedFen: 6 * 1000 + 4 * 2500, unpaidMonths: [] });
  });

  it('counts what was paid ahead as collected, but a member paid up is not in arrears', () => {
    const account = { startMonth: '2026-01', monthlyDues: [{ from: '2026-01', fen: 100 }] };
    const paid = new Map(months2026.map((m) => [m, 100]));
    const dues = memberDues(account, months2026, '2026-11', paid);
    expect(dues).toEqual({ expectedFen: 1000, collectedFen: 1200, unpaidMonths: [] });
    const someoneElse = memberDues(account, months2026, '2026-11', new Map([['2026-01', 100]]));
    expect(sumDues([dues, someoneElse])).toEqual({ expectedFen: 2000, collectedFen: 1300, membersInArrears: 1 });
  });

  it('owes nothing without a start month', () => {
    expect(memberDues({ startMonth: null, monthlyDues: [] }, months2026, '2026-11', new Map())).toEqual({
      expectedFen: 0,
      collectedFen: 0,
      unpaidMonths: [],
    });
  });

  it('records a change of the due from the month it happens, the first due from the start month', () => {
    let history = withMonthlyDue([], '2025-03', '2026-05', 1000);
    expect(history).toEqual([{ from: '2025-03', fen: 1000 }]);
    expect(withMonthlyDue(history, '2025-03', '2026-06', 1000)).toEqual(history);
    history = withMonthlyDue(history, '2025-03', '2026-06', 1200);
    history = withMonthlyDue(history, '2025-03', '2026-06', 1300);
    expect(history).toEqual([
      { from: '2025-03', fen: 1000 },
      { from: '2026-06', fen: 1300 },
    ]);
    expect(withMonthlyDue(history, null, '2026-07', 500)).toEqual(history);
    // A start still ahead: the due applies from the start month.
    expect(withMonthlyDue([], '2026-12', '2026-11', 800)).toEqual([{ from: '2026-12', fen: 800 }]);
  });
});
