import { Arg, Args, Ctx, ID, Query, Resolver } from 'type-graphql';
import { pageWindow, withLimit } from '@partybuild/federation';
import { ORGANIZATION_RULES } from '../reference/organization-rules';
import { Organization, OrganizationPage } from './organization.type';
import { SubtreeArgs, TermAlertArgs } from './inputs';
import type { OrganizationContext } from './context';
import { StructuralReportPage } from './structure.type';
import { PageArgs } from '@partybuild/federation';

@Resolver(() => Organization)
export class OrganizationQueryResolver {
  @Query(() => Organization, { description: '按ID查询组织 — an organisation by id' })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: OrganizationContext) {
    return ctx.queries.byId(ctx.caller, id);
  }

  @Query(() => Organization, { description: '按编码查询组织 — an organisation by its code' })
  organizationByCode(
    @Arg('code', { description: withLimit('组织代码 — organisation code', ORGANIZATION_RULES.text.code) }) code: string,
    @Ctx() ctx: OrganizationContext,
  ) {
    return ctx.queries.byCode(ctx.caller, code);
  }

  @Query(() => [Organization], { description: 'The organisations the caller is responsible for (the roots of their scope).' })
  async myOrganizations(@Ctx() ctx: OrganizationContext) {
    const found = await ctx.loaders.byId.loadMany(ctx.caller.scope);
    return found.filter((o) => o && !(o instanceof Error));
  }

  @Query(() => OrganizationPage, { description: '下级组织 — every organisation below one, shallowest first' })
  organizationSubtree(@Arg('id', () => ID) id: string, @Args() args: SubtreeArgs, @Ctx() ctx: OrganizationContext) {
    return ctx.queries.subtree(ctx.caller, id, args, pageWindow(args));
  }

  @Query(() => OrganizationPage, { description: '按名称搜索组织 — organisations whose name contains the text' })
  searchOrganizations(
    @Arg('name', { description: withLimit('名称的一部分 — part of the name', ORGANIZATION_RULES.text.searchName) }) name: string,
    @Args() args: SubtreeArgs,
    @Ctx() ctx: OrganizationContext,
  ) {
    return ctx.queries.search(ctx.caller, name, args, pageWindow(args));
  }

  @Query(() => StructuralReportPage, { description: '组织设置问题 — branches under 3 full members, over 50, or 7+ without a committee' })
  branchesBreakingRules(
    @Arg('under', () => ID, {
      nullable: true,
      description: 'Only this subtree; the whole district when omitted (district administrators).',
    })
    under: string | null,
    @Args() args: PageArgs,
    @Ctx() ctx: OrganizationContext,
  ) {
    return ctx.queries.structuralReport(ctx.caller, under ?? null, pageWindow(args));
  }

  @Query(() => OrganizationPage, { description: '换届提醒 — committees whose term ends soon, or is overdue' })
  committeeTermAlerts(@Args() args: TermAlertArgs, @Ctx() ctx: OrganizationContext) {
    return ctx.queries.termAlerts(ctx.caller, args.status, args.withinDays, args.under ?? null, pageWindow(args));
  }
}
