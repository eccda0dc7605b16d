import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Organization } from './organization.stub';
import { OrganizationStatistics } from './figures.type';
import type { StatisticsContext } from './context';
import { visibleNode } from './access';
import { toStatistics } from './to-statistics';

@Resolver(() => Organization)
export class StatisticsFieldsResolver {
  @FieldResolver(() => OrganizationStatistics, {
    description: '统计 — figures of the organisation and its whole subtree for a period (2026, 2026-Q3, 2026-07)',
  })
  async statistics(@Root() organization: Organization, @Arg('period') period: string, @Ctx() ctx: StatisticsContext) {
    const loader = ctx.figures(period);
    const node = await visibleNode(ctx, organization.id);
    return toStatistics(await loader.load(organization.id), {
      caller: ctx.caller,
      organizationPath: node.path,
      minimumCellSize: ctx.minimumCellSize,
    });
  }
}
