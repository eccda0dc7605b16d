import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import type { Caller } from '@partybuild/auth';
import { DuesPaymentRecord } from '../entities';
import { MembershipErrors } from '../errors';
import { STAGE_LABELS, STATUS_LABELS } from '../domain/labels';
import { MEMBER_STAGES, MemberStatus } from '../domain/member-kinds';
import { isMonth, monthlyDueFen } from '../domain/dues';
import { addMonthsToMonth, monthOf } from '../domain/dates';
import { duesRulesOn } from '../reference/membership-rules';
import { MemberEvent, recordChange } from './member-events';
import { lockMember } from './member-access';
import { UnitOfWork } from '@partybuild/persistence';

export interface DuesPaymentInput {
  memberId: string;
  months: string[];
  paidOn?: string | null;
  /** What was handed over, in fen; checked against the due when given. */
  amountFen?: number | null;
}

export interface DuesPaymentResult {
  paymentId: string;
  months: string[];
  amountFen: number;
  paidOn: string;
}

/** 党费收缴: one payment for one or several months (also ahead). */
export class DuesCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly today: () => string,
  ) {}

  async pay(caller: Caller, input: DuesPaymentInput): Promise<DuesPaymentResult> {
    const today = this.today();
    const paidOn = input.paidOn ?? today;
    if (paidOn > today) throw MembershipErrors.DATE_IN_FUTURE({ date: paidOn, today }, { field: 'paidOn' });
    const months = [...new Set(input.months.map((m) => m.trim()))].sort();
    if (!months.length) throw MembershipErrors.DUES_MONTHS_REQUIRED();
    const bad = months.find((m) => !isMonth(m));
    if (bad) throw MembershipErrors.NOT_A_MONTH({ value: bad }, { field: 'months' });
    const rules = duesRulesOn(today);
    const latest = addMonthsToMonth(monthOf(today), rules.maxMonthsAhead);
    if (months[months.length - 1] > latest) {
      throw MembershipErrors.DUES_TOO_FAR_AHEAD({ maxMonthsAhead: rules.maxMonthsAhead, latest });
    }
    return this.unitOfWork.run(async (manager) => {
      const { member, node } = await lockMember(manager, caller, input.memberId);
      if (
        !MEMBER_STAGES.includes(member.stage) ||
        member.status === MemberStatus.TRANSFERRED_OUT ||
        member.status === MemberStatus.DECEASED ||
        member.status === MemberStatus.EXPELLED
      ) {
        throw MEMBER_STAGES.includes(member.stage)
          ? MembershipErrors.NOT_AN_ACTIVE_MEMBER({ status: member.status, statusZh: STATUS_LABELS[member.status] })
          : MembershipErrors.NOT_A_MEMBER({ stage: member.stage, stageZh: STAGE_LABELS[member.stage] });
      }
      if (member.duesStartMonth && months[0] < member.duesStartMonth) {
        throw MembershipErrors.DUES_BEFORE_START({ startMonth: member.duesStartMonth, month: months[0] });
      }
      const already = await manager.find(DuesPaymentRecord, { where: { memberId: member.id, month: In(months) } });
      if (already.length) {
        const paid = already.map((p) => p.month).sort();
        throw MembershipErrors.DUES_ALREADY_PAID({ months: paid.join(', ') }, { months: paid });
      }
      const monthly = monthlyDueFen(member.category, member.duesBaseFen, rules);
      const amountFen = monthly * months.length;
      if (input.amountFen != null && input.amountFen !== amountFen) {
        throw MembershipErrors.DUES_AMOUNT_WRONG({
          months: months.length,
          due: (amountFen / 100).toFixed(2),
          monthly: (monthly / 100).toFixed(2),
          given: (input.amountFen / 100).toFixed(2),
        });
      }
      const paymentId = randomUUID();
      await manager.insert(
        DuesPaymentRecord,
        months.map((month) => ({ memberId: member.id, month, amountFen: monthly, paidOn, paymentId, recordedBy: caller.subject })),
      );
      await recordChange(manager, member, node.path, MemberEvent.DUES_PAID, caller.subject, { months, amountFen, paidOn });
      return { paymentId, months, amountFen, paidOn };
    });
  }
}
