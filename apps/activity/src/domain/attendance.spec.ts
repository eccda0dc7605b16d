import { AttendanceStatus as S } from './activity-type';
import { attendanceRate, countAttendance, mergeAttendance, quorumOf } from './attendance';

describe('attendance', () => {
  it('keeps one answer per member and reports different answers as conflicts', () => {
    const recorded = new Map([['a', S.PRESENT]]);
    const merged = mergeAttendance(
      [
        { memberId: 'a', status: S.PRESENT },
        { memberId: 'b', status: S.LATE },
        { memberId: 'b', status: S.LATE },
        { memberId: 'c', status: S.ABSENT },
      ],
      recorded,
    );
    expect(merged).toEqual({
      fresh: [
        { memberId: 'b', status: S.LATE },
        { memberId: 'c', status: S.ABSENT },
      ],
      conflicts: [],
    });
    expect(mergeAttendance([{ memberId: 'a', status: S.ABSENT }], recorded).conflicts).toEqual(['a']);
    expect(
      mergeAttendance(
        [
          { memberId: 'd', status: S.PRESENT },
          { memberId: 'd', status: S.EXCUSED },
        ],
        new Map(),
      ).conflicts,
    ).toEqual(['d']);
  });

  it('counts answers and rates attendance with excused leave expected', () => {
    const counts = countAttendance([S.PRESENT, S.PRESENT, S.LATE, S.EXCUSED, S.ABSENT], 5);
    expect(counts).toEqual({ expected: 5, present: 2, late: 1, excused: 1, absent: 1 });
    expect(attendanceRate(counts)).toBeCloseTo(0.6);
    expect(attendanceRate({ present: 0, late: 0, excused: 0, absent: 0 })).toBeNull();
  });

  it('needs more than half of the voting members for quorum', () => {
    expect(quorumOf(10, 5)).toEqual({ votingMembers: 10, votingAttending: 5, required: 6, reached: false });
    expect(quorumOf(10, 6).reached).toBe(true);
    expect(quorumOf(7, 4)).toMatchObject({ required: 4, reached: true });
    expect(quorumOf(0, 0).reached).toBe(false);
  });
});
