import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { assertAllowed } from '@partybuild/auth';
import { checkYear, visibleNode } from '../application/access';
import { NOTICE_COLUMNS, RECTIFICATION_COLUMNS, RectificationRecord } from '../application/notices';
import { Notice, NoticeInput, Rectification, SecretaryReport, SecretaryReportInput } from './notice.type';
import { Organization } from './stubs';
import type { AssessmentContext } from './context';
import { withLimit } from '@partybuild/federation';
import { TEXT } from '../reference/assessment-rules';

const KEY = { nullable: true, description: '幂等键 — a repeat with the same key returns the first result (or the Idempotency-Key header)' };

const withOverdue = (today: string) => (r: RectificationRecord) => ({
  ...r,
  overdue: r.status === 'OPEN' ? r.deadline < today : (r.closedOn as string) > r.deadline,
});

@Resolver()
export class NoticeResolver {
  @Mutation(() => SecretaryReport, { description: '书记述职评议 — record a secretary’s yearly report with its grade' })
  recordSecretaryReport(
    @Arg('input') input: SecretaryReportInput,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey: string | null,
    @Ctx() ctx: AssessmentContext,
  ) {
    return ctx.notices.recordSecretaryReport(ctx.caller, input, idempotencyKey ?? ctx.idempotencyKey);
  }

  @Mutation(() => Notice, { description: '通报 — name good and poor performers and set rectification items with deadlines' })
  issueNotice(
    @Arg('input') input: NoticeInput,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey: string | null,
    @Ctx() ctx: AssessmentContext,
  ) {
    return ctx.notices.issueNotice(ctx.caller, input, idempotencyKey ?? ctx.idempotencyKey);
  }

  @Mutation(() => Rectification, { description: '整改销号 — close a rectification item with what was done' })
  async closeRectification(
    @Arg('id', () => ID) id: string,
    @Arg('outcome', { description: withLimit('整改结果 — how the rectification was done', TEXT.outcome) }) outcome: string,
    @Ctx() ctx: AssessmentContext,
  ) {
    return withOverdue(ctx.today())(await ctx.notices.closeRectification(ctx.caller, id, outcome));
  }

  @Query(() => [Notice], { description: '通报 — notices issued in or below an organisation in a year, latest first' })
  async notices(@Arg('under', () => ID) under: string, @Arg('year', () => Int) year: number, @Ctx() ctx: AssessmentContext) {
    const node = await visibleNode(ctx.dataSource.manager, ctx.caller, under, 'assessment.notices');
    return ctx.dataSource.query(
      `SELECT ${NOTICE_COLUMNS} FROM notice WHERE issuer_path @> ARRAY[$1::uuid] AND issued_on BETWEEN $2::date AND $3::date
       ORDER BY issued_on DESC, id`,
      [node.id, `${checkYear(year)}-01-01`, `${year}-12-31`],
    );
  }

  @Query(() => [Rectification], { description: '逾期整改 — open rectification items past their deadline in or below an organisation' })
  async overdueRectifications(@Arg('under', () => ID) under: string, @Ctx() ctx: AssessmentContext) {
    const node = await visibleNode(ctx.dataSource.manager, ctx.caller, under, 'assessment.notices');
    const rows: RectificationRecord[] = await ctx.dataSource.query(
      `SELECT ${RECTIFICATION_COLUMNS} FROM rectification WHERE status = 'OPEN' AND deadline < $2::date AND owner_path @> ARRAY[$1::uuid]
       ORDER BY deadline, id`,
      [node.id, ctx.today()],
    );
    return rows.map(withOverdue(ctx.today()));
  }
}

@Resolver(() => Notice)
export class NoticeFieldsResolver {
  @FieldResolver(() => [Rectification])
  async rectifications(@Root() n: Notice, @Ctx() ctx: AssessmentContext) {
    const rows: RectificationRecord[] = await ctx.loaders.noticeItems.load(n.id);
    return rows.map(withOverdue(ctx.today()));
  }
}

@Resolver(() => Organization)
export class OrganizationNoticeResolver {
  @FieldResolver(() => SecretaryReport, { nullable: true, description: '书记述职评议 — the secretary’s report of a year' })
  async secretaryReport(@Root() o: Organization, @Arg('year', () => Int) year: number, @Ctx() ctx: AssessmentContext) {
    const node = await ctx.loaders.nodes.load(o.id);
    if (!node) return null;
    assertAllowed(ctx.caller, 'assessment.evidence', { path: node.path }, node.name);
    return ctx.loaders.secretaryReports(checkYear(year)).load(o.id);
  }
}
