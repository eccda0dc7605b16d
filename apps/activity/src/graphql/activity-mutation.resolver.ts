import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { idempotencyScope } from '@partybuild/federation';
import { Activity, BestPartyDayNomination } from './activity.type';
import { AttendanceInput, HoldRecordInput, PlanActivityInput, PlanItemInput, RecordActivityInput } from './inputs';
import type { ActivityContext } from './context';
import { withLimit } from '@partybuild/federation';
import { ACTIVITY_RULES } from '../reference/activity-rules';

const KEY = '幂等键 — a retry of the same request with the same key returns the first result (or send the Idempotency-Key header)';

@Resolver()
export class ActivityMutationResolver {
  @Mutation(() => Activity, { description: '登记活动 — record an activity held, with its attendance, in one call' })
  recordActivity(
    @Arg('input') input: RecordActivityInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY }) idempotencyKey: string | null,
    @Ctx() ctx: ActivityContext,
  ) {
    return ctx.commands.record(ctx.caller, input, idempotencyScope(ctx, 'recordActivity', idempotencyKey));
  }

  @Mutation(() => Activity, { description: '计划活动 — plan an activity' })
  planActivity(
    @Arg('input') input: PlanActivityInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY }) idempotencyKey: string | null,
    @Ctx() ctx: ActivityContext,
  ) {
    return ctx.commands.plan(ctx.caller, input, idempotencyScope(ctx, 'planActivity', idempotencyKey));
  }

  @Mutation(() => [Activity], { description: '年度计划 — plan many activities of one organisation at once' })
  planActivities(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('items', () => [PlanItemInput]) items: PlanItemInput[],
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY }) idempotencyKey: string | null,
    @Ctx() ctx: ActivityContext,
  ) {
    return ctx.commands.planMany(ctx.caller, organizationId, items, idempotencyScope(ctx, 'planActivities', idempotencyKey));
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

  @Mutation(() => Activity, {
    description: "确认联办 — a cadre of a co-host named outside the recorder's scope confirms the joint activity",
  })
  confirmCoHosting(
    @Arg('activityId', () => ID) activityId: string,
    @Arg('organizationId', () => ID, { description: "The co-host, in the caller's scope." }) organizationId: string,
    @Ctx() ctx: ActivityContext,
  ) {
    return ctx.commands.confirmCoHost(ctx.caller, activityId, organizationId);
  }

  @Mutation(() => BestPartyDayNomination, { description: '推荐最佳党日活动 — nominate a held themed Party day' })
  nominateBestPartyDay(
    @Arg('activityId', () => ID) activityId: string,
    @Arg('reason', { description: withLimit('推荐理由 — what makes it typical and effective', ACTIVITY_RULES.text.reason) }) reason: string,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY }) idempotencyKey: string | null,
    @Ctx() ctx: ActivityContext,
  ) {
    return ctx.commands.nominate(ctx.caller, activityId, reason, idempotencyScope(ctx, 'nominateBestPartyDay', idempotencyKey));
  }
}
