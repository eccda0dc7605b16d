import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { Activity, BestPartyDayNomination } from './activity.type';
import { AttendanceInput, HoldRecordInput, PlanActivityInput, PlanItemInput, RecordActivityInput } from './inputs';
import type { ActivityContext } from './context';
import { withLimit } from '@partybuild/federation';
import { ACTIVITY_RULES } from '../reference/activity-rules';

@Resolver()
export class ActivityMutationResolver {
  @Mutation(() => Activity, { description: '登记活动 — record an activity held, with its attendance, in one call' })
  recordActivity(@Arg('input') input: RecordActivityInput, @Ctx() ctx: ActivityContext) {
    return ctx.commands.record(ctx.caller, input);
  }

  @Mutation(() => Activity, { description: '计划活动 — plan an activity' })
  planActivity(@Arg('input') input: PlanActivityInput, @Ctx() ctx: ActivityContext) {
    return ctx.commands.plan(ctx.caller, input);
  }

  @Mutation(() => [Activity], { description: '年度计划 — plan many activities of one organisation at once' })
  planActivities(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('items', () => [PlanItemInput]) items: PlanItemInput[],
    @Ctx() ctx: ActivityContext,
  ) {
    return ctx.commands.planMany(ctx.caller, organizationId, items);
  }

  @Mutation(() => Activity, { description: '计划活动已开展 — record a planned activity as held, with its attendance' })
  holdActivity(
    @Arg('id', () => ID) id: string,
    @Arg('record', () => HoldRecordInput) record: HoldRecordInput,
    @Arg('attendance', () => AttendanceInput, { nullable: true }) attendance: AttendanceInput | null,
    @Ctx() ctx: ActivityContext,
  ) {
    return ctx.commands.markHeld(ctx.caller, id, record, attendance);
  }

  @Mutation(() => Activity, { description: '取消活动 — cancel a planned activity' })
  cancelActivity(
    @Arg('id', () => ID) id: string,
    @Arg('reason', { description: withLimit('取消理由 — why it is cancelled', ACTIVITY_RULES.text.reason) }) reason: string,
    @Ctx() ctx: ActivityContext,
  ) {
    return ctx.commands.cancel(ctx.caller, id, reason);
  }

  @Mutation(() => Activity, { description: '登记出勤 — the attendance of a held activity, the whole meeting in one call' })
  recordAttendance(
    @Arg('activityId', () => ID) activityId: string,
    @Arg('attendance', () => AttendanceInput) attendance: AttendanceInput,
    @Ctx() ctx: ActivityContext,
  ) {
    return ctx.commands.recordAttendance(ctx.caller, activityId, attendance);
  }

  @Mutation(() => BestPartyDayNomination, { description: '推荐最佳党日活动 — nominate a held themed Party day' })
  nominateBestPartyDay(
    @Arg('activityId', () => ID) activityId: string,
    @Arg('reason', { description: withLimit('推荐理由 — what makes it typical and effective', ACTIVITY_RULES.text.reason) }) reason: string,
    @Ctx() ctx: ActivityContext,
  ) {
    return ctx.commands.nominate(ctx.caller, activityId, reason);
  }
}
