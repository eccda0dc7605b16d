import { Args, Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { assertAllowed } from '@partybuild/auth';
import { PageArgs, pageWindow, toPage } from '@partybuild/federation';
import { ORGANIZATION_RULES } from '../reference/organization-rules';
import { TermStatus, termStatus } from '../domain/committee-term';
import { Organization, OrganizationPage } from './organization.type';
import { CommitteeMember, Election } from './committee.type';
import { SubtreeArgs } from './inputs';
import type { OrganizationContext } from './context';
import { OrganizationRevisionPage } from './revision.type';
import { BranchStructure } from './structure.type';
import { structuralIssues } from '../domain/structural-rules';
import { BRANCH_LEVEL_KINDS } from '../domain/organization-kind';

@Resolver(() => Organization)
export class OrganizationFieldsResolver {
  @FieldResolver(() => Organization, { nullable: true, description: '上级组织 — the superior organisation' })
  parent(@Root() o: Organization, @Ctx() ctx: OrganizationContext) {
    return o.parentId ? ctx.loaders.byId.load(o.parentId) : null;
  }

  @FieldResolver(() => [Organization], { description: 'The chain of superiors, root first.' })
  async ancestors(@Root() o: Organization, @Ctx() ctx: OrganizationContext) {
    return ctx.loaders.byId.loadMany(o.ancestorIds);
  }

  @FieldResolver(() => OrganizationPage, { description: '直属下级组织 — direct subordinates' })
  async children(@Root() o: Organization, @Args() args: SubtreeArgs, @Ctx() ctx: OrganizationContext) {
    const window = pageWindow(args);
    const loader = ctx.loaders.children({
      ...window,
      includeDissolved: args.includeDissolved,
      kinds: args.kinds ?? [],
      sectors: args.sectors ?? [],
    });
    const { items, total } = await loader.load(o.id);
    return toPage(items, total, window);
  }

  @FieldResolver(() => [CommitteeMember], {
    description: '现任委员会 — the current committee (names: access table organization.committee)',
  })
  committee(@Root() o: Organization, @Ctx() ctx: OrganizationContext) {
    assertAllowed(ctx.caller, 'organization.committee', { path: [...o.ancestorIds, o.id] }, o.name);
    return ctx.loaders.committees.load(o.id);
  }

  @FieldResolver(() => [Election], { description: '历次换届选举 — elections, latest first (access table organization.committee)' })
  elections(@Root() o: Organization, @Ctx() ctx: OrganizationContext) {
    assertAllowed(ctx.caller, 'organization.committee', { path: [...o.ancestorIds, o.id] }, o.name);
    return ctx.loaders.elections.load(o.id);
  }

  @FieldResolver(() => TermStatus, { description: '换届状态 — where the committee stands in its term' })
  termStatus(@Root() o: Organization, @Ctx() ctx: OrganizationContext) {
    return termStatus(o.termEndsOn, ctx.today(), ORGANIZATION_RULES.termWarningDays);
  }

  @FieldResolver(() => Float, { nullable: true, description: '专职党务干部占比 — full-time cadres per staff (target 1–2 %)' })
  fullTimeCadreRatio(@Root() o: Organization) {
    return o.staffCount && o.fullTimeCadres != null ? o.fullTimeCadres / o.staffCount : null;
  }

  @FieldResolver(() => BranchStructure, { nullable: true, description: '支部设置情况 — for branch-level organisations' })
  async structure(@Root() o: Organization, @Ctx() ctx: OrganizationContext) {
    if (!BRANCH_LEVEL_KINDS.includes(o.kind)) return null;
    const figures = await ctx.loaders.figures.load(o.id);
    return { ...figures, issues: structuralIssues(figures) };
  }

  @FieldResolver(() => OrganizationRevisionPage, { description: '组织沿革 — the history of changes, latest first' })
  async history(@Root() o: Organization, @Args() args: PageArgs, @Ctx() ctx: OrganizationContext) {
    const page = await ctx.queries.history(ctx.caller, o.id, pageWindow(args));
    return { ...page, items: page.items.map((r) => ({ ...r, snapshot: JSON.stringify(r.snapshot) })) };
  }
}
