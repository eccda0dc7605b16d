import type { Period } from '@partybuild/calendar';
import { complianceWindow, judgeVillageCompliance } from './weak-organization';

const branch = (id: string, partyGroupIds: string[] = [], hasCommittee = false) => ({
  id,
  name: `${id}党支部`,
  kind: 'BRANCH',
  branchLevel: true,
  hasCommittee,
  partyGroupIds,
});

/** Held meetings as `org|type|YYYY-MM`. */
const held =
  (keys: string[]) =>
  (org: string, type: string, slot: Period): number =>
    keys.filter((k) => {
      const [o, t, month] = k.split('|');
      return o === org && t === type && month >= slot.start.slice(0, 7) && month <= slot.end.slice(0, 7);
    }).length;

describe('弱村 from 三会一课', () => {
  it('judges the last whole quarters, across a year’s end', () => {
    expect(complianceWindow('2026-02-10', 4)).toEqual({ label: '2025-Q1至2025-Q4', start: '2025-01-01', end: '2025-12-31' });
    expect(complianceWindow('2026-11-22', 2)).toMatchObject({ label: '2026-Q2至2026-Q3', start: '2026-04-01', end: '2026-09-30' });
  });

  it('sums the branches of a village before dividing, and names each branch’s missing kinds and periods', () => {
    const window = complianceWindow('2026-11-22', 1); // 2026-Q3
    const every = ['GENERAL_MEETING|2026-08', 'PARTY_LECTURE|2026-09'];
    const result = judgeVillageCompliance(
      'v',
      [branch('v'), branch('b2', ['g1', 'g2'])],
      window,
      '2026-11-22',
      held([...every.map((k) => `v|${k}`), 'g1|PARTY_GROUP_MEETING|2026-07', 'g2|PARTY_GROUP_MEETING|2026-07']),
      0.6,
    );
    // v: 2 of 2; b2: general meeting and lecture missing (0 of 2), group meetings 2 of 6
    expect(result.tally).toEqual({ required: 10, held: 4 });
    expect(result.failing).toBe(true);
    expect(result.facts).toEqual([
      '2026-Q3三会一课落实率40%（应开10次，实开4次），低于60%',
      'b2党支部：支部党员大会未按规定召开：2026-Q3',
      'b2党支部：党小组会未按规定召开：2026-08（2个党小组中2个未开）、2026-09（2个党小组中2个未开）',
      'b2党支部：党课未按规定召开：2026-Q3',
    ]);
  });

  it('is not failing at or above the threshold, nor when nothing is owed yet', () => {
    const window = complianceWindow('2026-11-22', 1);
    const kept = judgeVillageCompliance('v', [branch('v')], window, '2026-11-22', held(['v|GENERAL_MEETING|2026-07']), 0.5);
    expect(kept).toMatchObject({ rate: 0.5, failing: false });
    expect(judgeVillageCompliance('v', [], window, '2026-11-22', held([]), 0.6)).toMatchObject({ rate: null, failing: false, facts: [] });
  });
});
