import { Arg, Args, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { PageArgs, pageWindow, withLimit } from '@partybuild/federation';
import { RECORD_RULES } from '../reference/membership-rules';
import { CsvHeaders } from '@partybuild/csv';
import { Member } from './member.type';
import { ArrearsPage, DueEntryPage, DuesSummary, PersonalDataAccessPage, TransferPage } from './records.type';
import { exportCsv } from './member-export';
import type { MembershipContext } from './context';

@Resolver()
export class MemberQueryResolver {
  @Query(() => Member, { description: '党员信息 — a person record by id' })
  member(@Arg('id', () => ID) id: string, @Ctx() ctx: MembershipContext) {
    return ctx.queries.byId(ctx.caller, id);
  }

  @Query(() => Member, { description: '按身份证号查找 — a person by ID number (through its keyed hash); admins and cadres' })
  memberByIdNumber(
    @Arg('idNumber', { description: withLimit('身份证号 — ID number', RECORD_RULES.text.idNumber) }) idNumber: string,
    @Ctx() ctx: MembershipContext,
  ) {
    return ctx.queries.byIdNumber(ctx.caller, idNumber);
  }

  @Query(() => DueEntryPage, { description: '发展党员待办 — who in an organisation (and below) is due for what' })
  developmentDue(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('withinDays', () => Int, { defaultValue: 30, description: 'Look this many days ahead (probation ending, one year as activist).' })
    withinDays: number,
    @Args() page: PageArgs,
    @Ctx() ctx: MembershipContext,
  ) {
    return ctx.queries.developmentDue(ctx.caller, organizationId, withinDays, pageWindow(page));
  }

  @Query(() => ArrearsPage, { description: '欠交党费 — members of an organisation (and below) in arrears, longest first' })
  duesArrears(@Arg('organizationId', () => ID) organizationId: string, @Args() page: PageArgs, @Ctx() ctx: MembershipContext) {
    return ctx.queries.arrears(ctx.caller, organizationId, pageWindow(page));
  }

  @Query(() => DuesSummary, {
    description: '党费收缴汇总 — collection of an organisation and its subtree for a year, a quarter or a month',
  })
  duesSummary(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('period', { description: '2026, 2026-Q3 or 2026-07' }) period: string,
    @Ctx() ctx: MembershipContext,
  ) {
    return ctx.queries.duesSummary(ctx.caller, organizationId, period);
  }

  @Query(() => TransferPage, { description: '组织关系转接 — transfers into (incoming) or out of an organisation and its subtree' })
  memberTransfers(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('incoming', { defaultValue: true }) incoming: boolean,
    @Args() page: PageArgs,
    @Ctx() ctx: MembershipContext,
  ) {
    return ctx.queries.transfers(ctx.caller, organizationId, incoming, pageWindow(page));
  }

  @Query(() => PersonalDataAccessPage, { description: '个人信息查看记录 — who saw a member’s ID number or phone (district admins)' })
  personalDataAccessLog(@Arg('memberId', () => ID) memberId: string, @Args() page: PageArgs, @Ctx() ctx: MembershipContext) {
    return ctx.queries.accessLog(ctx.caller, memberId, pageWindow(page));
  }

  @Query(() => String, {
    description:
      '导出党员名册 — CSV of an organisation’s members in the import format (UTF-8 with BOM, formula cells neutralised; masked unless `unmasked`, which is audit-logged)',
  })
  exportMembers(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('includeSubtree', { defaultValue: true }) includeSubtree: boolean,
    @Arg('unmasked', { defaultValue: false }) unmasked: boolean,
    @Arg('headers', () => CsvHeaders, { defaultValue: CsvHeaders.ENGLISH, description: '表头 — English keys or Chinese column names' })
    headers: CsvHeaders,
    @Ctx() ctx: MembershipContext,
  ) {
    return exportCsv(ctx, organizationId, includeSubtree, unmasked, headers);
  }
}
