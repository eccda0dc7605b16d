import { Arg, Args, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { assertAllowed } from '@partybuild/auth';
import { PageArgs, pageWindow, toPage } from '@partybuild/federation';
import { attendanceRate } from '../domain/attendance';
import { Period, parsePeriod } from '../domain/period';
import { AttendanceEntryPage } from './activity.type';
import { Member } from './stubs';
import type { ActivityContext } from './context';

/** A member's attendance: the access table's `activity.attendance` (their own, or cadres in scope). Unknown members have none. */
async function mayRead(ctx: ActivityContext, memberId: string): Promise<boolean> {
  assertAllowed(ctx.caller, 'activity.attendance');
  const path = await ctx.loaders.memberPaths.load(memberId);
  if (path === null) return false;
  assertAllowed(ctx.caller, 'activity.attendance', { path, memberId }, '这名党员的出勤记录');
  return true;
}

const periodOf = (text: string | null | undefined): Period | null => (text ? parsePeriod(text) : null);

@Resolver(() => Member)
export class MemberAttendanceResolver {
  @FieldResolver(() => AttendanceEntryPage, { description: '出勤记录 — attendance at activities, latest first' })
  async attendance(
    @Root() m: Member,
    @Arg('period', () => String, { nullable: true, description: '2026, 2026-Q3 or 2026-07' }) period: string | null,
    @Args() args: PageArgs,
    @Ctx() ctx: ActivityContext,
  ) {
    const window = pageWindow(args);
    const parsed = periodOf(period);
    if (!(await mayRead(ctx, m.id))) return toPage([], 0, window);
    const { items, total } = await ctx.loaders.memberAttendance({ ...window, period: parsed }).load(m.id);
    return toPage(items, total, window);
  }

  @FieldResolver(() => Float, { nullable: true, description: '参会率 — attended (present or late) / recorded answers; null with none' })
  async attendanceRate(
    @Root() m: Member,
    @Arg('period', () => String, { nullable: true, description: '2026, 2026-Q3 or 2026-07' }) period: string | null,
    @Ctx() ctx: ActivityContext,
  ) {
    const parsed = periodOf(period);
    if (!(await mayRead(ctx, m.id))) return null;
    const c = await ctx.loaders.memberCounts(parsed).load(m.id);
    return attendanceRate({ present: c.PRESENT, late: c.LATE, excused: c.EXCUSED, absent: c.ABSENT });
  }
}
