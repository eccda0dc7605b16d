import type { AttendanceCounts } from '@partybuild/contracts';
import { AttendanceStatus } from './activity-type';
import { ACTIVITY_RULES } from '../reference/activity-rules';

export interface AttendanceEntry {
  memberId: string;
  status: AttendanceStatus;
}

/**
 * One answer per member: the same member listed twice with the same answer is one entry;
 * listed with two different answers, or already recorded with another answer, is a conflict.
 */
export function mergeAttendance(
  entries: AttendanceEntry[],
  recorded: ReadonlyMap<string, AttendanceStatus>,
): { fresh: AttendanceEntry[]; conflicts: string[] } {
  const given = new Map<string, AttendanceStatus>();
  const conflicts = new Set<string>();
  for (const entry of entries) {
    const earlier = given.get(entry.memberId);
    if (earlier && earlier !== entry.status) conflicts.add(entry.memberId);
    given.set(entry.memberId, entry.status);
  }
  const fresh: AttendanceEntry[] = [];
  for (const [memberId, status] of given) {
    const before = recorded.get(memberId);
    if (before === undefined) fresh.push({ memberId, status });
    else if (before !== status) conflicts.add(memberId);
  }
  return { fresh, conflicts: [...conflicts] };
}

export function countAttendance(statuses: Iterable<AttendanceStatus>, expected: number): AttendanceCounts {
  const counts: AttendanceCounts = { expected, present: 0, late: 0, excused: 0, absent: 0 };
  for (const status of statuses) {
    if (status === AttendanceStatus.PRESENT) counts.present += 1;
    else if (status === AttendanceStatus.LATE) counts.late += 1;
    else if (status === AttendanceStatus.EXCUSED) counts.excused += 1;
    else counts.absent += 1;
  }
  return counts;
}

export const attended = (status: AttendanceStatus): boolean => status === AttendanceStatus.PRESENT || status === AttendanceStatus.LATE;

/** 参会率: attended / expected; excused leave counts as expected (configurable). */
export function attendanceRate(c: Pick<AttendanceCounts, 'present' | 'late' | 'excused' | 'absent'>): number | null {
  const expected = c.present + c.late + c.absent + (ACTIVITY_RULES.excusedCountsAsExpected ? c.excused : 0);
  return expected === 0 ? null : (c.present + c.late) / expected;
}

export interface Quorum {
  votingMembers: number;
  votingAttending: number;
  /** The fewest voting members who must attend for a vote to be valid. */
  required: number;
  reached: boolean;
}

/** A vote at a general meeting is valid only if more than half of the members with voting rights attend. */
export function quorumOf(votingMembers: number, votingAttending: number): Quorum {
  const required = Math.floor(votingMembers * ACTIVITY_RULES.quorumShare) + 1;
  return { votingMembers, votingAttending, required, reached: votingMembers > 0 && votingAttending >= required };
}
