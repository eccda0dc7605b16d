import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { LocalDateScalar, idempotencyScope, withLimit } from '@partybuild/federation';
import { RECORD_RULES } from '../reference/membership-rules';
import { MemberStatus } from '../domain/member-kinds';
import { Member } from './member.type';
import { DuesPayment, ImportResult, Transfer } from './records.type';
import { DevelopmentStepInput, DuesPaymentInput, IssueTransferInput, RegisterMemberInput, UpdateMemberInput } from './inputs';
import type { MembershipContext } from './context';

const KEY = '幂等键 — a retry of the same request with the same key returns the first result (or send the Idempotency-Key header)';

@Resolver()
export class MemberMutationResolver {
  @Mutation(() => Member, { description: '登记 — register a person (an applicant, or an existing member with their stage)' })
  registerMember(
    @Arg('input') input: RegisterMemberInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY }) idempotencyKey: string | null,
    @Ctx() ctx: MembershipContext,
  ) {
    return ctx.members.register(ctx.caller, input, idempotencyScope(ctx, 'registerMember', idempotencyKey));
  }

  @Mutation(() => Member, { description: '修改党员信息 — correct a person record' })
  updateMember(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateMemberInput, @Ctx() ctx: MembershipContext) {
    return ctx.members.update(ctx.caller, id, input);
  }

  @Mutation(() => Member, {
    description: '记录发展步骤 — record the next development step; a refused step names the rule and, if a matter of time, the day',
  })
  async recordDevelopmentStep(
    @Arg('memberId', () => ID) memberId: string,
    @Arg('input') input: DevelopmentStepInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY }) idempotencyKey: string | null,
    @Ctx() ctx: MembershipContext,
  ) {
    const { step, on, ...rest } = input;
    const data = Object.fromEntries(Object.entries(rest).filter(([, v]) => v != null));
    const { member } = await ctx.members.recordStep(
      ctx.caller,
      memberId,
      { step, on, data: data as never },
      idempotencyScope(ctx, 'recordDevelopmentStep', idempotencyKey),
    );
    return member;
  }

  @Mutation(() => Member, { description: '延长预备期 — extend the probation once, by 6–12 months' })
  extendProbation(
    @Arg('memberId', () => ID) memberId: string,
    @Arg('months', () => Int) months: number,
    @Arg('on', () => LocalDateScalar) on: string,
    @Ctx() ctx: MembershipContext,
  ) {
    return ctx.members.extendProbation(ctx.caller, memberId, months, on);
  }

  @Mutation(() => Member, { description: '取消预备党员资格 — cancel a probationary qualification (the record leaves the membership)' })
  cancelProbation(
    @Arg('memberId', () => ID) memberId: string,
    @Arg('on', () => LocalDateScalar) on: string,
    @Arg('reason', { description: withLimit('理由 — reason', RECORD_RULES.text.reason) }) reason: string,
    @Ctx() ctx: MembershipContext,
  ) {
    return ctx.members.cancelProbation(ctx.caller, memberId, on, reason);
  }

  @Mutation(() => Member, { description: '变更党员状态 — lost contact, floating, deceased, expelled, active again' })
  changeMemberStatus(
    @Arg('memberId', () => ID) memberId: string,
    @Arg('status', () => MemberStatus) status: MemberStatus,
    @Arg('on', () => LocalDateScalar) on: string,
    @Ctx() ctx: MembershipContext,
  ) {
    return ctx.members.changeStatus(ctx.caller, memberId, status, on);
  }

  @Mutation(() => Transfer, { description: '开具转接 — issue a transfer to a branch, or record leaving the district' })
  issueTransfer(
    @Arg('input') input: IssueTransferInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY }) idempotencyKey: string | null,
    @Ctx() ctx: MembershipContext,
  ) {
    return ctx.transfers.issue(ctx.caller, input, idempotencyScope(ctx, 'issueTransfer', idempotencyKey));
  }

  @Mutation(() => Transfer, { description: '接收 — the receiving branch accepts; the member moves there' })
  acceptTransfer(
    @Arg('id', () => ID) id: string,
    @Arg('on', () => LocalDateScalar, { nullable: true }) on: string | null,
    @Ctx() ctx: MembershipContext,
  ) {
    return ctx.transfers.accept(ctx.caller, id, on);
  }

  @Mutation(() => Transfer, { description: '退回 — the receiving branch rejects; the member stays' })
  rejectTransfer(
    @Arg('id', () => ID) id: string,
    @Arg('reason', { description: withLimit('理由 — reason', RECORD_RULES.text.reason) }) reason: string,
    @Arg('on', () => LocalDateScalar, { nullable: true }) on: string | null,
    @Ctx() ctx: MembershipContext,
  ) {
    return ctx.transfers.reject(ctx.caller, id, reason, on);
  }

  @Mutation(() => DuesPayment, { description: '交纳党费 — record a payment for one or more months (also ahead)' })
  recordDuesPayment(
    @Arg('input') input: DuesPaymentInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY }) idempotencyKey: string | null,
    @Ctx() ctx: MembershipContext,
  ) {
    return ctx.dues.pay(ctx.caller, input, idempotencyScope(ctx, 'recordDuesPayment', idempotencyKey));
  }

  @Mutation(() => ImportResult, {
    description:
      '批量导入 — import members from CSV text (header row: name,idNumber,gender,…,branchCode; or the Chinese names). All-or-nothing by default; every error with its row and column.',
  })
  importMembers(
    @Arg('csv', { description: withLimit('CSV 文件内容 — the file, header first', RECORD_RULES.importMaxCharacters) }) csv: string,
    @Arg('allOrNothing', { defaultValue: true }) allOrNothing: boolean,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY }) idempotencyKey: string | null,
    @Ctx() ctx: MembershipContext,
  ) {
    return ctx.importer.run(ctx.caller, csv, allOrNothing, idempotencyScope(ctx, 'importMembers', idempotencyKey));
  }
}
