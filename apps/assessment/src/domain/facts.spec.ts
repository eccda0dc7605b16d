import { rulesForYear } from '../reference/assessment-rules';
import { RawFacts, duesOnTime, factsFrom, judgedOn } from './facts';

const rules = rulesForYear(2026);
const none: RawFacts = {
  held: [],
  expected: 0,
  attended: 0,
  memberMonthsDue: 0,
  memberMonthsOnTime: 0,
  membersInArrears: 0,
  probationary: 0,
  probationaryOverdue: 0,
  termEndsOn: null,
};

describe('facts of a unit and year', () => {
  it('counts 三会一课 slots of ended periods, and the current one only once it is met', () => {
    const held = ['GENERAL_MEETING|2026-02', 'PARTY_LECTURE|2026-03', 'THEMED_PARTY_DAY|2026-01', 'THEMED_PARTY_DAY|2026-04'];
    // On 2026-04-15: Q1 ended (GM met, PL met), January–March ended (one themed day), April met early.
    expect(factsFrom({ ...none, held }, 2026, '2026-04-15', rules).MEETING_COMPLIANCE).toBe(round(4 / 6));
    // On 2026-03-31 the quarter and March have just ended.
    expect(factsFrom({ ...none, held }, 2026, '2026-03-31', rules).MEETING_COMPLIANCE).toBe(round(3 / 5));
  });

  it('counts quarters without any of 三会一课, and has no data before a quarter ends', () => {
    const held = ['COMMITTEE_MEETING|2026-05'];
    expect(factsFrom({ ...none, held }, 2026, '2026-10-01', rules).QUARTERS_WITHOUT_MEETINGS).toBe(2);
    expect(factsFrom({ ...none, held }, 2026, '2026-02-01', rules).QUARTERS_WITHOUT_MEETINGS).toBeNull();
  });

  it('gives ratios of what was recorded and "no data" where nothing was', () => {
    const facts = factsFrom(
      {
        ...none,
        expected: 40,
        attended: 30,
        memberMonthsDue: 20,
        memberMonthsOnTime: 15,
        membersInArrears: 2,
        probationary: 4,
        probationaryOverdue: 1,
        termEndsOn: '2026-03-01',
      },
      2026,
      '2026-06-30',
      rules,
    );
    expect(facts).toMatchObject({
      AVERAGE_ATTENDANCE: 0.75,
      DUES_ON_TIME: 0.75,
      MEMBERS_IN_ARREARS: 2,
      DEVELOPMENT_ON_TIME: 0.75,
      ELECTION_ON_TIME: 0,
      PAIRING_SERVICES: null,
      MICRO_WISHES_FULFILLED: null,
      PROBLEMS_RESOLVED: null,
    });
    expect(factsFrom(none, 2026, '2026-06-30', rules)).toMatchObject({
      AVERAGE_ATTENDANCE: null,
      DUES_ON_TIME: null,
      ELECTION_ON_TIME: null,
    });
  });

  it('judges a month’s dues by its last day plus the grace days, and a past year on its last day', () => {
    expect(duesOnTime('2026-02', '2026-02-28', 0)).toBe(true);
    expect(duesOnTime('2026-02', '2026-03-01', 0)).toBe(false);
    expect(duesOnTime('2026-02', '2026-03-05', 5)).toBe(true);
    expect(judgedOn(2025, '2026-11-22')).toBe('2025-12-31');
    expect(judgedOn(2026, '2026-11-22')).toBe('2026-11-22');
  });
});

function round(n: number) {
  return Math.round(n * 10_000) / 10_000;
}
