import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { Organization } from './organization.stub';
import { OrganizationStatistics } from './figures.type';
import type { StatisticsContext } from './context';
import { visibleNode } from './access';
import { toStatistics } from './to-statistics';
import { selectedGroups } from './selected-groups';

@Resolver(() => Organization)
export class StatisticsFieldsResolver {
  @FieldResolver(() => OrganizationStatistics, {
    description: '统计 — figures of the organisation and its whole subtree for a period (2026, 2026-Q3, 2026-07)',
  })
  async statistics(
    @Root() organization: Organization,
    @Arg('period') period: string,
    @Ctx() ctx: StatisticsContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    // Only the groups of figures the request shows are computed (a first view of a branch's members and meetings skips the rest).
    const loader = ctx.figureParts(period, selectedGroups(info));
    const node = await visibleNode(ctx, organization.id);
    return toStatistics(await loader.load(organization.id), {
      caller: ctx.caller,
      organizationPath: node.path,
      minimumCellSize: ctx.minimumCellSize,
    });
  }
}
