import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertAllowed } from '@partybuild/auth';
import { parsePeriod } from '@partybuild/calendar';
import { FOLLOW_UP_COLUMNS } from '../application/appraisals';
import { checkYear, visibleNode } from '../application/access';
import { Appraisal, FollowUp, PioneerIndex, RecordAppraisalsInput } from './member.type';
import { Member } from './stubs';
import type { AssessmentContext } from './context';
import { withLimit } from '@partybuild/federation';
import { TEXT } from '../reference/assessment-rules';

const KEY = { nullable: true, description: '幂等键 — a repeat with the same key returns the first result (or the Idempotency-Key header)' };

/** A member's appraisal and index are theirs and their branch's cadres' to see (the access table). Unknown members have none. */
async function mayRead(ctx: AssessmentContext, memberId: string): Promise<boolean> {
  const path = await ctx.loaders.memberPaths.load(memberId);
  if (path === null) return false;
  assertAllowed(ctx.caller, 'assessment.member', { path, memberId }, '该党员的评议和先锋指数');
  return true;
}

@Resolver(() => Member)
export class MemberAssessmentResolver {
  @FieldResolver(() => Appraisal, { nullable: true, description: '民主评议 — the member’s appraisal of a year' })
  async appraisal(@Root() m: Member, @Arg('year', () => Int) year: number, @Ctx() ctx: AssessmentContext) {
    if (!(await mayRead(ctx, m.id))) return null;
    return ctx.loaders.appraisals(checkYear(year)).load(m.id);
  }

  @FieldResolver(() => FollowUp, { nullable: true, description: '不合格党员跟踪 — the follow-up of a year, if any' })
  async appraisalFollowUp(@Root() m: Member, @Arg('year', () => Int) year: number, @Ctx() ctx: AssessmentContext) {
    if (!(await mayRead(ctx, m.id))) return null;
    return ctx.loaders.followUps(checkYear(year)).load(m.id);
  }

  @FieldResolver(() => PioneerIndex, {
    nullable: true,
    description: '党员先锋指数 — for a month (2026-07), quarter or year, with its breakdown',
  })
  async pioneerIndex(@Root() m: Member, @Arg('period') periodText: string, @Ctx() ctx: AssessmentContext): Promise<PioneerIndex | null> {
    const period = parsePeriod(periodText);
    if (!(await mayRead(ctx, m.id))) return null;
    const [standing, breakdown, noData] = await Promise.all([
      ctx.loaders.pioneer(period).load(m.id),
      ctx.loaders.pioneerPoints(period).load(m.id),
      ctx.loaders.pioneerNoData(),
    ]);
    if (!standing) return null;
    // The total is the sum of the facts shown, so the breakdown always explains it exactly.
    const total = Math.round(breakdown.reduce((sum, p) => sum + p.points, 0) * 100) / 100;
    return { period: period.label, ...standing, total, breakdown: breakdown as PioneerIndex['breakdown'], noData };
  }
}

@Resolver()
export class AppraisalResolver {
  @Mutation(() => [Appraisal], { description: '民主评议党员 — record the branch’s decision (优秀 capped; 不合格 followed up)' })
  recordAppraisals(
    @Arg('input') input: RecordAppraisalsInput,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey: string | null,
    @Ctx() ctx: AssessmentContext,
  ) {
    return ctx.appraisals.record(ctx.caller, input, idempotencyKey ?? ctx.idempotencyKey);
  }

  @Mutation(() => FollowUp, { description: '不合格党员销号 — close a follow-up with its outcome' })
  closeAppraisalFollowUp(
    @Arg('id', () => ID) id: string,
    @Arg('outcome', { description: withLimit('整改结果 — how the follow-up ended', TEXT.outcome) }) outcome: string,
    @Ctx() ctx: AssessmentContext,
  ) {
    return ctx.appraisals.closeFollowUp(ctx.caller, id, outcome);
  }

  @Query(() => [FollowUp], { description: '不合格党员跟踪 — open follow-ups under an organisation, earliest deadline first' })
  async openAppraisalFollowUps(@Arg('under', () => ID) under: string, @Ctx() ctx: AssessmentContext) {
    const node = await visibleNode(ctx.dataSource.manager, ctx.caller, under, 'assessment.followUps');
    return ctx.dataSource.query(
      `SELECT ${FOLLOW_UP_COLUMNS} FROM follow_up WHERE status = 'OPEN' AND branch_path @> ARRAY[$1::uuid] ORDER BY deadline, id`,
      [node.id],
    );
  }
}
