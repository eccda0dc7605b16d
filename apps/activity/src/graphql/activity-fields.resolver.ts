import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { allowed, assertAllowed } from '@partybuild/auth';
import { ActivityType } from '../domain/activity-type';
import { attendanceRate, quorumOf } from '../domain/attendance';
import { Activity, AttendanceCounts, AttendanceEntry, BestPartyDayNomination, Lecturer, Quorum } from './activity.type';
import { Member, Organization } from './stubs';
import type { ActivityContext } from './context';

@Resolver(() => Activity)
export class ActivityFieldsResolver {
  @FieldResolver(() => Organization, { description: '主办组织 — the host' })
  host(@Root() a: Activity): Organization {
    return { id: a.hostId };
  }

  @FieldResolver(() => [Organization], { description: '联办组织 — co-hosts' })
  coHosts(@Root() a: Activity): Organization[] {
    return a.coHostIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [Organization], { description: '待确认的联办组织 — co-hosts awaiting confirmation' })
  pendingCoHosts(@Root() a: Activity): Organization[] {
    return a.pendingCoHostIds.map((id) => ({ id }));
  }

  @FieldResolver(() => Lecturer, { nullable: true, description: '主讲人 — for a Party lecture' })
  lecturer(@Root() a: Activity): Lecturer | null {
    return a.lecturerName ? { name: a.lecturerName, memberId: a.lecturerMemberId, isSecretary: a.lecturerIsSecretary } : null;
  }

  @FieldResolver(() => AttendanceCounts, { description: '出勤统计' })
  attendanceCounts(@Root() a: Activity): AttendanceCounts {
    const recorded = a.present + a.late + a.excused + a.absent;
    return {
      expected: a.expected,
      present: a.present,
      late: a.late,
      excused: a.excused,
      absent: a.absent,
      unrecorded: Math.max(0, a.expected - recorded),
      rate: attendanceRate(a),
    };
  }

  @FieldResolver(() => Quorum, { nullable: true, description: '表决有效人数 — at a general meeting with attendance recorded' })
  quorum(@Root() a: Activity): Quorum | null {
    if (a.type !== ActivityType.GENERAL_MEETING || a.votingMembers == null) return null;
    return quorumOf(a.votingMembers, a.votingAttending ?? 0);
  }

  @FieldResolver(() => [AttendanceEntry], {
    description: '出勤名单 — who attended and who did not (access table: activity.attendance; a member sees only their own line)',
  })
  async attendance(@Root() a: Activity, @Ctx() ctx: ActivityContext) {
    const { caller } = ctx;
    assertAllowed(caller, 'activity.attendance');
    const entries = await ctx.loaders.attendanceOf.load(a.id);
    const hosts = [a.hostPath, ...(await ctx.loaders.nodes.loadMany(a.coHostIds)).map((n) => (n && 'path' in n ? n.path : []))];
    if (hosts.some((path) => allowed(caller, 'activity.attendance', { path }))) return entries;
    return entries.filter((e) => allowed(caller, 'activity.attendance', { memberId: e.memberId }));
  }
}

@Resolver(() => AttendanceEntry)
export class AttendanceEntryResolver {
  @FieldResolver(() => Member)
  member(@Root() e: AttendanceEntry): Member {
    return { id: e.memberId };
  }

  @FieldResolver(() => Activity)
  activity(@Root() e: AttendanceEntry, @Ctx() ctx: ActivityContext) {
    return ctx.queries.byId(ctx.caller, e.activityId);
  }
}

@Resolver(() => BestPartyDayNomination)
export class NominationResolver {
  @FieldResolver(() => Activity)
  activity(@Root() n: BestPartyDayNomination, @Ctx() ctx: ActivityContext) {
    return ctx.queries.byId(ctx.caller, n.activityId);
  }
}
