import { Arg, Ctx, Field, ID, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { assertAllowed } from '@partybuild/auth';
import { CsvHeaders } from '@partybuild/csv';
import { withLimit } from '@partybuild/federation';
import { StatisticsErrors } from '../errors';
import { STATISTICS_RULES } from '../reference/statistics-rules';
import { OrganizationStatistics } from './figures.type';
import { Organization } from './organization.stub';
import type { StatisticsContext } from './context';
import { visibleNode } from './access';
import { toStatistics } from './to-statistics';
import { OverviewSort, sortUnits, unitsOfKind } from './overview';
import { figuresCsv } from './figures-csv';

registerEnumType(OverviewSort, { name: 'OverviewSort', description: 'What to sort the district overview by.' });

const KINDS = ['WORKING_COMMITTEE', 'PARTY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'JOINT_BRANCH', 'TEMPORARY_ORGANIZATION', 'PARTY_GROUP'];

@ObjectType({ description: '区情概览中的一个单位 — one unit of the district overview' })
export class OverviewUnit {
  @Field(() => Organization)
  organization: Organization;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => OrganizationStatistics)
  statistics: OrganizationStatistics;
}

@Resolver()
export class StatisticsQueryResolver {
  @Query(() => [OverviewUnit], { description: '区情概览 — every unit of one kind with its figures, sorted' })
  async districtOverview(
    @Arg('period', { description: '2026, 2026-Q3 or 2026-07' }) period: string,
    @Arg('kind', {
      defaultValue: 'PARTY_COMMITTEE',
      description: withLimit('The level to list: PARTY_COMMITTEE, GENERAL_BRANCH, BRANCH…', STATISTICS_RULES.text.kind),
    })
    kind: string,
    @Arg('under', () => ID, { nullable: true, description: 'Only units below this organisation.' }) under: string | null,
    @Arg('sortBy', () => OverviewSort, { defaultValue: OverviewSort.CODE }) sortBy: OverviewSort,
    @Arg('descending', { defaultValue: true }) descending: boolean,
    @Ctx() ctx: StatisticsContext,
  ): Promise<OverviewUnit[]> {
    if (!KINDS.includes(kind)) throw StatisticsErrors.KIND_UNKNOWN({ value: kind, kinds: KINDS.join(', ') });
    assertAllowed(ctx.caller, 'statistics.read');
    const loader = ctx.figures(period);
    if (under) await visibleNode(ctx, under);
    const nodes = await unitsOfKind(ctx.dataSource.manager, ctx.caller, kind, under);
    const figures = await loader.loadMany(nodes.map((n) => n.id));
    const units = nodes.map((node, i) => ({ node, figures: figures[i] as Exclude<(typeof figures)[number], Error> }));
    return sortUnits(units, sortBy, descending).map(({ node, figures: f }) => ({
      organization: { id: node.id },
      code: node.code,
      name: node.name,
      statistics: toStatistics(f, { caller: ctx.caller, organizationPath: node.path, minimumCellSize: ctx.minimumCellSize }),
    }));
  }

  @Query(() => String, {
    description:
      '导出统计 — figures of an organisation and every unit below it as CSV (no personal data; UTF-8 with BOM, formula cells neutralised)',
  })
  async statisticsCsv(
    @Arg('period') period: string,
    @Arg('under', () => ID) under: string,
    @Arg('headers', () => CsvHeaders, { defaultValue: CsvHeaders.ENGLISH, description: '表头 — English keys or Chinese column names' })
    headers: CsvHeaders,
    @Ctx() ctx: StatisticsContext,
  ): Promise<string> {
    const loader = ctx.figures(period);
    await visibleNode(ctx, under);
    return figuresCsv(ctx.dataSource.manager, loader, under, headers);
  }
}
