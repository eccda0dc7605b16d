import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { parsePeriod } from '@partybuild/calendar';
import { PageArgs, PageOf, pageWindow, toPage, withLimit } from '@partybuild/federation';
import { TEXT } from '../reference/pairing-rules';
import { nodeFor } from '../application/access';
import type { SealedResident } from '../application/resident-data';
import { servicesByType } from '../application/summary-queries';
import { Member, Organization } from './stubs';
import { Pair } from './pair.type';
import {
  MemberPair,
  MicroWish,
  PairingSummary,
  Problem,
  ProblemPage,
  ResidentDataAccessPage,
  ServicePage,
  ServiceRecord,
  VisitBatch,
  WishPage,
} from './work.type';
import { MemberPairInput, PostWishInput, RecordServiceInput, VisitInput } from './work.inputs';
import type { PairingContext } from './context';

const MemberPage = PageOf(Member, 'PairingMemberPage');

@Resolver()
export class WorkResolver {
  @Mutation(() => ServiceRecord, { description: '登记结对服务 — a service an active pair delivered, with the members who took part' })
  async recordPairingService(
    @Arg('input') input: RecordServiceInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: PairingContext,
  ) {
    const id = await ctx.services.recordService(ctx.caller, input, idempotencyKey ?? ctx.idempotencyKey ?? null);
    return ctx.queries.serviceById(id);
  }

  @Mutation(() => MemberPair, { description: '党员结对 — pair an agency member with a rural member' })
  async createMemberPair(
    @Arg('input') input: MemberPairInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: PairingContext,
  ) {
    await ctx.services.createMemberPair(ctx.caller, input, idempotencyKey ?? ctx.idempotencyKey ?? null);
    return ctx.queries.memberPair(ctx.caller, input.ruralMemberId, await ctx.loaders.memberPaths.load(input.ruralMemberId));
  }

  @Mutation(() => ID, { description: '结束党员结对 — returns the member pair’s id' })
  endMemberPair(@Arg('id', () => ID) id: string, @Ctx() ctx: PairingContext) {
    return ctx.services.endMemberPair(ctx.caller, id);
  }

  @Mutation(() => MicroWish, { description: '发布微心愿 — posted by a village or community for a resident' })
  async postMicroWish(
    @Arg('input') input: PostWishInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: PairingContext,
  ) {
    return ctx.queries.wish(ctx.caller, await ctx.wishes.post(ctx.caller, input, idempotencyKey ?? ctx.idempotencyKey ?? null));
  }

  @Mutation(() => MicroWish, { description: '认领微心愿 — by an agency member (or a cadre on their behalf)' })
  async claimMicroWish(@Arg('id', () => ID) id: string, @Arg('memberId', () => ID) memberId: string, @Ctx() ctx: PairingContext) {
    return ctx.queries.wish(ctx.caller, await ctx.wishes.claim(ctx.caller, id, memberId));
  }

  @Mutation(() => MicroWish, { description: '实现微心愿 — with what shows it was done' })
  async fulfilMicroWish(
    @Arg('id', () => ID) id: string,
    @Arg('evidence', { description: withLimit('实现情况 — how the wish was fulfilled', TEXT.evidence) }) evidence: string,
    @Ctx() ctx: PairingContext,
  ) {
    return ctx.queries.wish(ctx.caller, await ctx.wishes.fulfil(ctx.caller, id, evidence));
  }

  @Mutation(() => VisitBatch, { description: '登记入户走访 — a team’s visits in one call, with the problems collected; all or nothing' })
  async recordVisits(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('visits', () => [VisitInput]) visits: VisitInput[],
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: PairingContext,
  ) {
    const rows = visits.map((v) => ({
      household: v.household.trim(),
      visitedOn: v.visitedOn,
      visitorMemberIds: v.visitorMemberIds,
      note: v.note?.trim() || null,
      problem: v.problem ? { ...v.problem, deadline: v.problem.deadline ?? null } : null,
    }));
    return ctx.queries.visitBatch(
      await ctx.visits.recordVisits(ctx.caller, organizationId, rows, idempotencyKey ?? ctx.idempotencyKey ?? null),
    );
  }

  @Mutation(() => VisitBatch, {
    description:
      '导入走访CSV — header household,visitedOn,visitors,note,problemCategory,problemDescription,assignee,deadline; all or nothing',
  })
  async importVisitsCsv(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('csv', { description: withLimit('CSV text, one part of at most the rules’ rows per call (maxVisitsPerCall)', TEXT.csv) })
    csv: string,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: PairingContext,
  ) {
    return ctx.queries.visitBatch(
      await ctx.visits.importVisitsCsv(ctx.caller, organizationId, csv, idempotencyKey ?? ctx.idempotencyKey ?? null),
    );
  }

  @Mutation(() => Problem, { description: '办结问题 — by the assignee’s cadres' })
  async resolveProblem(
    @Arg('id', () => ID) id: string,
    @Arg('resolution', { description: withLimit('办理结果 — how it was resolved', TEXT.resolution) }) resolution: string,
    @Ctx() ctx: PairingContext,
  ) {
    return ctx.queries.problemView(await ctx.visits.resolve(ctx.caller, id, resolution));
  }

  @Mutation(() => Problem, { description: '上报问题 — to the assignee’s parent (or the organisation named), which becomes the assignee' })
  async escalateProblem(
    @Arg('id', () => ID) id: string,
    @Arg('reason', { description: withLimit('上报原因 — why it is escalated', TEXT.escalation) }) reason: string,
    @Arg('toOrganizationId', () => ID, { nullable: true }) toOrganizationId: string | null,
    @Ctx() ctx: PairingContext,
  ) {
    return ctx.queries.problemView(await ctx.visits.escalate(ctx.caller, id, toOrganizationId ?? null, reason));
  }

  @Query(() => MicroWish, { description: '按ID查询微心愿' })
  microWish(@Arg('id', () => ID) id: string, @Ctx() ctx: PairingContext) {
    return ctx.queries.wish(ctx.caller, id);
  }

  @Query(() => ResidentDataAccessPage, {
    description: '微心愿群众信息查看记录 — who read a wish’s resident in clear (district admins)',
  })
  async microWishAccessLog(@Arg('wishId', () => ID) wishId: string, @Args() page: PageArgs, @Ctx() ctx: PairingContext) {
    const window = pageWindow(page);
    const { items, total } = await ctx.queries.residentAccessLog(ctx.caller, wishId, window);
    return toPage(items, total, window);
  }

  @Query(() => MemberPage, {
    description: '未认领微心愿的机关党员 — agency members below an organisation with no wish claimed in the year',
  })
  async membersWithoutMicroWish(
    @Arg('year', () => Int) year: number,
    @Arg('under', () => ID) under: string,
    @Args() page: PageArgs,
    @Ctx() ctx: PairingContext,
  ) {
    const window = pageWindow(page);
    const { items, total } = await ctx.queries.membersWithoutWish(ctx.caller, year, under, window);
    return toPage(items, total, window);
  }

  @Query(() => ProblemPage, { description: '超期问题 — an assignee’s overdue problems, most overdue first (有呼必应)' })
  async overdueProblems(@Arg('assigneeId', () => ID) assigneeId: string, @Args() page: PageArgs, @Ctx() ctx: PairingContext) {
    const window = pageWindow(page);
    const { items, total } = await ctx.queries.overdueProblems(ctx.caller, assigneeId, window);
    return toPage(items, total, window);
  }
}

@Resolver(() => Organization)
export class OrganizationWorkResolver {
  @FieldResolver(() => WishPage, { description: '待认领微心愿 — open micro-wishes of the subtree, oldest first' })
  async openMicroWishes(@Root() o: Organization, @Args() page: PageArgs, @Ctx() ctx: PairingContext) {
    const window = pageWindow(page);
    const { items, total } = await ctx.queries.openWishes(ctx.caller, o.id, window);
    return toPage(items, total, window);
  }

  @FieldResolver(() => ProblemPage, { description: '未办结问题 — open problems collected in or assigned to the subtree, by deadline' })
  async openProblems(@Root() o: Organization, @Args() page: PageArgs, @Ctx() ctx: PairingContext) {
    const window = pageWindow(page);
    const { items, total } = await ctx.queries.openProblems(ctx.caller, o.id, window);
    return toPage(items, total, window);
  }

  @FieldResolver(() => PairingSummary, { description: '结对共建汇总 — the subtree’s pairing work in a period (2026, 2026-Q3, 2026-07)' })
  async pairingSummary(@Root() o: Organization, @Arg('period') periodText: string, @Ctx() ctx: PairingContext) {
    const period = parsePeriod(periodText);
    await nodeFor(ctx.pairs.manager, ctx.caller, 'pairing.summary', o.id);
    const row = await ctx.loaders.summaries(period).load(o.id);
    return { ...row, period: period.label, servicesByType: servicesByType(row.byType) };
  }
}

@Resolver(() => Member)
export class MemberWorkResolver {
  @FieldResolver(() => MemberPair, {
    nullable: true,
    description: '党员结对 — the member’s current pair (theirs and their cadres’ to see)',
  })
  async memberPair(@Root() m: Member, @Ctx() ctx: PairingContext) {
    return ctx.queries.memberPair(ctx.caller, m.id, await ctx.loaders.memberPaths.load(m.id));
  }

  @FieldResolver(() => ServicePage, { description: '参与的结对服务 — services the member took part in, latest first' })
  async services(
    @Root() m: Member,
    @Arg('period', () => String, { nullable: true, description: '2026, 2026-Q3 or 2026-07' }) period: string | null,
    @Args() page: PageArgs,
    @Ctx() ctx: PairingContext,
  ) {
    const window = pageWindow(page);
    const parsed = period ? parsePeriod(period) : null;
    const { items, total } = await ctx.queries.memberServices(ctx.caller, m.id, await ctx.loaders.memberPaths.load(m.id), parsed, window);
    return toPage(items, total, window);
  }
}

@Resolver(() => MicroWish)
export class MicroWishResolver {
  @FieldResolver(() => String, {
    description: '群众姓名 — masked unless the caller keeps the village’s records or claimed the wish; a read in clear is audited',
  })
  residentName(@Root() w: SealedResident, @Ctx() ctx: PairingContext) {
    return ctx.residents.read(w, 'residentName');
  }

  @FieldResolver(() => String, { nullable: true, description: '联系方式 — masked likewise; a read in clear is audited' })
  residentContact(@Root() w: SealedResident, @Ctx() ctx: PairingContext) {
    return ctx.residents.read(w, 'residentContact');
  }
}

@Resolver(() => Pair)
export class PairWorkResolver {
  @FieldResolver(() => ServicePage, { description: '结对服务 — services delivered under the pair, latest first' })
  async services(@Root() p: Pair, @Args() page: PageArgs, @Ctx() ctx: PairingContext) {
    const window = pageWindow(page);
    const { items, total } = await ctx.loaders.pairServices(window).load(p.id);
    return toPage(items, total, window);
  }
}
