import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { LocalDateScalar } from '@partybuild/federation';
import { ageOn } from '../domain/dates';
import { nextSteps } from '../domain/development';
import { monthlyDueFen } from '../domain/dues';
import { duesRulesOn } from '../reference/membership-rules';
import { MemberRecord } from '../entities';
import { DevelopmentStepEntry, Member, MemberDues, StepOption } from './member.type';
import { Transfer } from './records.type';
import { Organization } from './organization.stub';
import type { MembershipContext } from './context';

const pathOf = async (m: MemberRecord, ctx: MembershipContext) =>
  (await ctx.loaders.orgNode.load(m.organizationId))?.path ?? [m.organizationId];

@Resolver(() => Member)
export class MemberFieldsResolver {
  @FieldResolver(() => String, {
    description:
      '身份证号 — masked to the last four (**************1234) unless the caller may see it (access table: member.personal); every unmasked read is audit-logged',
  })
  async idNumber(@Root() m: MemberRecord, @Ctx() ctx: MembershipContext) {
    return ctx.personalData.read(m, 'idNumber', await pathOf(m, ctx));
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '联系电话 — masked to the last four (*******5678) unless allowed (member.personal); unmasked reads are audit-logged',
  })
  async phone(@Root() m: MemberRecord, @Ctx() ctx: MembershipContext) {
    return ctx.personalData.read(m, 'phone', await pathOf(m, ctx));
  }

  @FieldResolver(() => LocalDateScalar, {
    nullable: true,
    description:
      '出生日期 — birth date (digits 7–14 of the ID number): empty for whoever sees the ID number masked, since beside the last four it rebuilds the number; reads are audit-logged',
  })
  async birthDate(@Root() m: MemberRecord, @Ctx() ctx: MembershipContext) {
    return ctx.personalData.read(m, 'birthDate', await pathOf(m, ctx));
  }

  @FieldResolver(() => Int, { description: '年龄 — age today (whole years: leaves hundreds of possible birth dates)' })
  age(@Root() m: MemberRecord, @Ctx() ctx: MembershipContext) {
    return ageOn(m.birthDate, ctx.today());
  }

  @FieldResolver(() => Organization, { description: '所在党支部 — the branch holding the record' })
  organization(@Root() m: MemberRecord): Organization {
    return { id: m.organizationId };
  }

  @FieldResolver(() => Organization, { nullable: true, description: '所在党小组 — the Party group' })
  partyGroup(@Root() m: MemberRecord): Organization | null {
    return m.partyGroupId ? { id: m.partyGroupId } : null;
  }

  @FieldResolver(() => [DevelopmentStepEntry], { description: '发展过程 — the development steps recorded here, in order' })
  async development(@Root() m: MemberRecord, @Ctx() ctx: MembershipContext): Promise<DevelopmentStepEntry[]> {
    const steps = await ctx.loaders.steps.load(m.id);
    return steps.map((s) => ({ ...s, dataJson: JSON.stringify(s.data) }));
  }

  @FieldResolver(() => Int, { description: 'The last step reached (0–25); for imported records, implied by the stage.' })
  lastStep(@Root() m: MemberRecord) {
    return m.lastStep;
  }

  @FieldResolver(() => [StepOption], { description: '下一步 — the step(s) that may be recorded next' })
  nextSteps(@Root() m: MemberRecord): StepOption[] {
    return nextSteps(m).map((s) => ({ step: s.step, ordinal: s.ordinal, label: s.label }));
  }

  @FieldResolver(() => MemberDues, { nullable: true, description: '党费 — dues (probationary and full members)' })
  async dues(@Root() m: MemberRecord, @Ctx() ctx: MembershipContext): Promise<MemberDues | null> {
    if (!m.duesStartMonth) return null;
    const paid = await ctx.loaders.paidMonths.load(m.id);
    const state = ctx.queries.duesOf(m, paid);
    return {
      monthlyDueFen: monthlyDueFen(m.category, m.duesBaseFen, duesRulesOn(ctx.today())),
      paidMonths: [...paid].sort(),
      unpaidMonths: state.unpaidMonths,
      consecutiveUnpaid: state.consecutiveUnpaid,
      flagged: state.flagged,
      owedFen: state.owedFen,
    };
  }

  @FieldResolver(() => Transfer, { nullable: true, description: '待接收的转接 — a pending transfer' })
  pendingTransfer(@Root() m: MemberRecord, @Ctx() ctx: MembershipContext) {
    return ctx.loaders.pendingTransfer.load(m.id);
  }
}

@Resolver(() => Transfer)
export class TransferFieldsResolver {
  @FieldResolver(() => Member, { description: 'The member transferred.' })
  async member(@Root() t: Transfer, @Ctx() ctx: MembershipContext) {
    return ctx.loaders.member.load(t.memberId);
  }

  @FieldResolver(() => Organization, { description: '转出组织 — sending branch' })
  from(@Root() t: Transfer): Organization {
    return { id: t.fromOrganizationId };
  }

  @FieldResolver(() => Organization, { nullable: true, description: '接收组织 — receiving branch (empty when leaving the district)' })
  to(@Root() t: Transfer): Organization | null {
    return t.toOrganizationId ? { id: t.toOrganizationId } : null;
  }
}
