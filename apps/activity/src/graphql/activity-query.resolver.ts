import { Arg, Args, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { PageArgs, pageWindow, toPage } from '@partybuild/federation';
import { parsePeriod } from '../domain/period';
import { Activity, ActivityPage, BestPartyDayNominationPage } from './activity.type';
import { ComplianceReport } from './compliance.type';
import { ActivityListArgs, ComplianceReportArgs, ReminderArgs } from './inputs';
import { activityPage } from './organization-fields.resolver';
import { complianceView } from './compliance-view';
import type { ActivityContext } from './context';

@Resolver()
export class ActivityQueryResolver {
  @Query(() => Activity, { description: '按ID查询活动 — an activity by id' })
  activity(@Arg('id', () => ID) id: string, @Ctx() ctx: ActivityContext) {
    return ctx.queries.byId(ctx.caller, id);
  }

  @Query(() => ActivityPage, {
    description: '组织生活列表 — an organisation’s activities, latest first (the same as Organization.activities, in one hop)',
  })
  organizationActivities(
    @Arg('organizationId', () => ID) organizationId: string,
    @Args() args: ActivityListArgs,
    @Ctx() ctx: ActivityContext,
  ) {
    return activityPage(ctx, organizationId, args);
  }

  @Query(() => ActivityPage, { description: '活动提醒 — planned activities due soon or overdue that are not yet recorded' })
  activityReminders(@Args() args: ReminderArgs, @Ctx() ctx: ActivityContext) {
    return ctx.queries.reminders(ctx.caller, args.under ?? null, args.withinDays, pageWindow(args));
  }

  @Query(() => ComplianceReport, { description: '三会一课落实情况 — compliance of every branch below an organisation in a period' })
  async complianceReport(@Args() args: ComplianceReportArgs, @Ctx() ctx: ActivityContext) {
    const period = parsePeriod(args.period);
    const window = pageWindow(args);
    await ctx.queries.visible(ctx.caller, args.under, 'activity.compliance');
    const picture = await ctx.loaders.compliancePictures({ ...period }).load(args.under);
    const listed = args.onlyWithGaps ? picture.subtree.filter((r) => r.missingSlots > 0) : picture.subtree;
    const items = listed.slice(window.offset, window.offset + window.limit).map((r) => complianceView(picture, r, period));
    return { period: period.label, summary: picture.summary, organizations: toPage(items, listed.length, window) };
  }

  @Query(() => BestPartyDayNominationPage, { description: '最佳党日活动推荐名单 — nominations for the year' })
  bestPartyDayNominations(
    @Arg('year', () => Int) year: number,
    @Arg('under', () => ID, { nullable: true }) under: string | null,
    @Args() page: PageArgs,
    @Ctx() ctx: ActivityContext,
  ) {
    return ctx.queries.nominations(ctx.caller, year, under ?? null, pageWindow(page));
  }
}
