import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { assertAllowed } from '@partybuild/auth';
import { pageWindow, toPage } from '@partybuild/federation';
import { parsePeriod } from '../domain/period';
import { ActivityErrors } from '../errors';
import { ActivityPage } from './activity.type';
import { ActivityPlan, Compliance } from './compliance.type';
import { ActivityListArgs } from './inputs';
import { Organization } from './stubs';
import { complianceView } from './compliance-view';
import type { ActivityContext } from './context';

/** A page of an organisation's activities, batched across organisations, scope-checked. */
export async function activityPage(ctx: ActivityContext, organizationId: string, args: ActivityListArgs) {
  const window = pageWindow(args);
  const period = args.period ? parsePeriod(args.period) : null;
  assertAllowed(ctx.caller, 'activity.read');
  // The page is read while the organisation is looked up for the access check, saving a round
  // trip; it is returned only if the check passes.
  const loader = ctx.loaders.activities({ ...window, types: args.types ?? [], period, includeSubtree: args.includeSubtree });
  const page = loader.load(organizationId);
  page.catch(() => undefined);
  const node = await ctx.loaders.nodes.load(organizationId);
  if (!node) return toPage([], 0, window);
  assertAllowed(ctx.caller, 'activity.read', { path: node.path }, node.name);
  const { items, total } = await page;
  return toPage(items, total, window);
}

@Resolver(() => Organization)
export class OrganizationActivityResolver {
  @FieldResolver(() => ActivityPage, { description: '组织生活 — activities hosted or co-hosted, latest first' })
  activities(@Root() o: Organization, @Args() args: ActivityListArgs, @Ctx() ctx: ActivityContext) {
    return activityPage(ctx, o.id, args);
  }

  @FieldResolver(() => Compliance, {
    description: '三会一课落实情况 — required activities held, missing and due in a period (2026, 2026-Q3, 2026-07)',
  })
  async compliance(@Root() o: Organization, @Arg('period') periodText: string, @Ctx() ctx: ActivityContext) {
    const period = parsePeriod(periodText);
    const node = await ctx.loaders.nodes.load(o.id);
    if (!node) throw ActivityErrors.ORGANIZATION_NOT_FOUND({ reference: o.id });
    assertAllowed(ctx.caller, 'activity.compliance', { path: node.path }, node.name);
    const picture = await ctx.loaders.compliancePictures({ ...period }).load(o.id);
    return complianceView(picture, picture.own, period);
  }

  @FieldResolver(() => ActivityPlan, { description: '年度活动计划与落实 — the annual plan against what was held' })
  async activityPlan(@Root() o: Organization, @Arg('year', () => Int) year: number, @Ctx() ctx: ActivityContext) {
    return { organizationId: o.id, year, lines: await ctx.queries.plan(ctx.caller, o.id, year) };
  }
}
