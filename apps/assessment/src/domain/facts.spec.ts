import { rulesForYear } from '../reference/assessment-rules';
import { NOTHING_KNOWN, RawFacts, duesOnTime, factsFrom, judgedOn } from './facts';

const rules = rulesForYear(2026);
const none: RawFacts = NOTHING_KNOWN;

describe('facts of a unit and year', () => {
  it('judges pairing work from its facts, and shows no data (not zero) for a unit without any', () => {
    const facts = factsFrom(
      {
        ...none,
        paired: true,
        servedMonths: ['2026-01', '2026-03', '2026-04'],
        wishesPosted: 4,
        wishesFulfilled: 3,
        problemsCollected: 5,
        problemsResolved: 2,
        resolveDays: 9,
        resolvedInYear: 2,
      },
      2026,
      '2026-04-15',
      rules,
    );
    // January–March ended (two served), April served early: 3 of 4.
    expect(facts).toMatchObject({ PAIRING_SERVICES: 0.75, MICRO_WISHES_FULFILLED: 0.75, PROBLEMS_RESOLVED: 0.4, AVERAGE_DAYS_TO_RESOLVE: 4.5 });
    expect(factsFrom({ ...none, paired: true }, 2026, '2026-04-15', rules)).toMatchObject({
      PAIRING_SERVICES: 0,
      MICRO_WISHES_FULFILLED: null,
      PROBLEMS_RESOLVED: null,
      AVERAGE_DAYS_TO_RESOLVE: null,
    });
    expect(factsFrom(none, 2026, '2026-04-15', rules).PAIRING_SERVICES).toBeNull();
  });

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
