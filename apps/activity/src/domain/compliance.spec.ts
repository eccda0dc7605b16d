import { Requirement, SlotStatus } from './activity-type';
import { HeldCounts, assessCompliance, complianceRate } from './compliance';
import { parsePeriod } from './period';
import { requirementsWith, DEFAULT_REQUIREMENTS } from '../reference/activity-rules';

const branch = { id: 'b', kind: 'BRANCH', branchLevel: true, hasCommittee: true, partyGroupIds: ['g1', 'g2'] };

function counts(rows: Array<[string, Requirement, string, number]>): HeldCounts {
  const map: HeldCounts = new Map();
  for (const [org, req, month, n] of rows) {
    const byReq = map.get(org) ?? new Map();
    const byMonth = byReq.get(req) ?? new Map();
    byMonth.set(month, n);
    byReq.set(req, byMonth);
    map.set(org, byReq);
  }
  return map;
}

const slot = (result: ReturnType<typeof assessCompliance>, req: Requirement) =>
  result.requirements.find((r) => r.requirement === req)?.slots;

describe('compliance', () => {
  it('judges each slot: satisfied, missing once its period ended, due while it is open', () => {
    const held = counts([
      ['b', Requirement.THEMED_PARTY_DAY, '2026-10', 1],
      ['b', Requirement.GENERAL_MEETING, '2026-11', 1],
    ]);
    const result = assessCompliance(branch, DEFAULT_REQUIREMENTS, parsePeriod('2026-Q4'), '2026-11-22', held);
    expect(slot(result, Requirement.THEMED_PARTY_DAY)!.map((s) => s.status)).toEqual([
      SlotStatus.SATISFIED,
      SlotStatus.DUE,
      SlotStatus.DUE,
    ]);
    expect(slot(result, Requirement.GENERAL_MEETING)).toEqual([
      { period: '2026-Q4', start: '2026-10-01', dueBy: '2026-12-31', required: 1, satisfiedBy: 1, status: SlotStatus.SATISFIED },
    ]);
    expect(slot(result, Requirement.COMMITTEE_MEETING)![0].status).toBe(SlotStatus.MISSING);
    expect(slot(result, Requirement.SECRETARY_LECTURE)![0]).toMatchObject({ period: '2026', dueBy: '2026-12-31', status: SlotStatus.DUE });
  });

  it('asks every Party group for its monthly meeting, and a branch without groups for none', () => {
    const held = counts([['g1', Requirement.PARTY_GROUP_MEETING, '2026-10', 2]]);
    const result = assessCompliance(branch, DEFAULT_REQUIREMENTS, parsePeriod('2026-10'), '2026-11-22', held);
    expect(slot(result, Requirement.PARTY_GROUP_MEETING)).toEqual([
      expect.objectContaining({ required: 2, satisfiedBy: 1, status: SlotStatus.MISSING }),
    ]);
    const noGroups = assessCompliance({ ...branch, partyGroupIds: [] }, DEFAULT_REQUIREMENTS, parsePeriod('2026-10'), '2026-11-22', held);
    expect(slot(noGroups, Requirement.PARTY_GROUP_MEETING)).toBeUndefined();
    const small = assessCompliance({ ...branch, hasCommittee: false }, DEFAULT_REQUIREMENTS, parsePeriod('2026-10'), '2026-11-22', held);
    expect(slot(small, Requirement.COMMITTEE_MEETING)).toBeUndefined();
  });

  it("uses a district's own frequencies and leaves dropped requirements out", () => {
    const rules = requirementsWith({ THEMED_PARTY_DAY: { frequency: 'QUARTERLY' as never }, ORGANIZATIONAL_LIFE_MEETING: null });
    const result = assessCompliance(
      branch,
      rules,
      parsePeriod('2026'),
      '2027-01-10',
      counts([['b', Requirement.THEMED_PARTY_DAY, '2026-02', 1]]),
    );
    expect(slot(result, Requirement.THEMED_PARTY_DAY)!.map((s) => s.status)).toEqual([
      SlotStatus.SATISFIED,
      SlotStatus.MISSING,
      SlotStatus.MISSING,
      SlotStatus.MISSING,
    ]);
    expect(slot(result, Requirement.ORGANIZATIONAL_LIFE_MEETING)).toBeUndefined();
    // The rate is 三会一课 only: themed Party days are reported beside it.
    expect(result.organizationalLife).toEqual({ required: 4, held: 1 });
    expect(complianceRate(result)).toBe(0);
  });

  it('refuses a district override of a kind of 三会一课: its rate is the same everywhere', () => {
    expect(() => requirementsWith({ GENERAL_MEETING: { frequency: 'MONTHLY' as never } })).toThrow(/三会一课/);
  });

  it('counts 三会一课落实率 over the four kinds, each Party group one required meeting', () => {
    const held = counts([
      ['b', Requirement.GENERAL_MEETING, '2026-08', 1],
      ['b', Requirement.PARTY_LECTURE, '2026-09', 1],
      ['b', Requirement.COMMITTEE_MEETING, '2026-07', 1],
      ['g1', Requirement.PARTY_GROUP_MEETING, '2026-07', 1],
      ['b', Requirement.THEMED_PARTY_DAY, '2026-07', 1],
      ['b', Requirement.THEMED_PARTY_DAY, '2026-08', 1],
    ]);
    const result = assessCompliance(branch, DEFAULT_REQUIREMENTS, parsePeriod('2026-Q3'), '2026-10-10', held);
    expect(result.threeMeetingsOneLesson).toEqual({ required: 1 + 1 + 3 + 6, held: 4 });
    expect(complianceRate(result)).toBeCloseTo(4 / 11);
  });

  it('asks Party committees for the democratic life meeting only', () => {
    const committee = { id: 'c', kind: 'PARTY_COMMITTEE', branchLevel: false, hasCommittee: true, partyGroupIds: [] };
    const result = assessCompliance(committee, DEFAULT_REQUIREMENTS, parsePeriod('2026'), '2026-11-22', new Map());
    expect(result.requirements.map((r) => r.requirement)).toEqual([Requirement.DEMOCRATIC_LIFE_MEETING]);
  });
});
