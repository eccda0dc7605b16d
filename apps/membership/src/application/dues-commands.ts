import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import type { Caller } from '@partybuild/auth';
import { DuesPaymentRecord } from '../entities';
import { MembershipErrors } from '../errors';
import { STAGE_LABELS, STATUS_LABELS } from '../domain/labels';
import { MEMBER_STAGES, MemberStatus } from '../domain/member-kinds';
import { isMonth } from '../domain/dues';
import { dueIn } from '@partybuild/dues';
import { accountOf } from './member-queries';
import { addMonthsToMonth, monthOf } from '../domain/dates';
import { DATE_LIMITS, MembershipDateLimits, backdateRange, duesRulesOn } from '../reference/membership-rules';
import { checkDayWithin } from '@partybuild/errors';
import { MemberEvent, recordChange } from './member-events';
import { lockMember } from './member-access';
import { IdempotencyScope, UnitOfWork, createOnce } from '@partybuild/persistence';

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

interface PaymentRow {
  month: string;
  amount_fen: number;
  paid_on: string;
}

/** 党费收缴: one payment for one or several months (also ahead). */
export class DuesCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly today: () => string,
    private readonly limits: MembershipDateLimits = DATE_LIMITS,
  ) {}

  async pay(caller: Caller, input: DuesPaymentInput, once: IdempotencyScope | null = null): Promise<DuesPaymentResult> {
    const today = this.today();
    const paidOn = input.paidOn ?? today;
    if (paidOn > today) throw MembershipErrors.DATE_IN_FUTURE({ date: paidOn, today }, { field: 'paidOn' });
    const allowed = backdateRange(today, this.limits.backdateYears.duesPayment);
    checkDayWithin('paidOn', '缴纳日期', paidOn, allowed);
    const months = [...new Set(input.months.map((m) => m.trim()))].sort();
    if (!months.length) throw MembershipErrors.DUES_MONTHS_REQUIRED();
    const bad = months.find((m) => !isMonth(m));
    if (bad) throw MembershipErrors.NOT_A_MONTH({ value: bad }, { field: 'months' });
    const rules = duesRulesOn(today);
    const latest = addMonthsToMonth(monthOf(today), rules.maxMonthsAhead);
    // A month long before the oldest payment one may enter cannot be settled now (1900-01, 0000-01).
    const earliest = monthOf(allowed.earliest);
    if (months[0] < earliest) {
      checkDayWithin('months', '所缴党费月份', `${months[0]}-01`, { earliest: `${earliest}-01`, latest: `${latest}-01` });
    }
    if (months[months.length - 1] > latest) {
      throw MembershipErrors.DUES_TOO_FAR_AHEAD({ maxMonthsAhead: rules.maxMonthsAhead, latest });
    }
    return this.unitOfWork.run((manager) =>
      createOnce<DuesPaymentResult>(
        manager,
        once,
        input,
        async () => {
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
          // Each month at the due in force that month (the history), as the dues summary expects it.
          const account = accountOf(member, rules);
          const dues = months.map((month) => dueIn(account, month));
          const monthly = dues[dues.length - 1];
          const amountFen = dues.reduce((sum, fen) => sum + fen, 0);
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
            months.map((month, i) => ({ memberId: member.id, month, amountFen: dues[i], paidOn, paymentId, recordedBy: caller.subject })),
          );
          await recordChange(manager, member, node.path, MemberEvent.DUES_PAID, caller.subject, {
            months,
            amountFen,
            amountsFen: dues,
            paidOn,
          });
          return { paymentId, months, amountFen, paidOn };
        },
        (r) => r.paymentId,
        (id) => this.payment(manager, id),
      ),
    );
  }

  /** A payment as first recorded (for a repeated request). */
  private async payment(manager: EntityManager, paymentId: string): Promise<DuesPaymentResult> {
    const rows: PaymentRow[] = await manager.query(
      `SELECT month, amount_fen, paid_on::text AS paid_on FROM dues_payment WHERE payment_id = $1 ORDER BY month`,
      [paymentId],
    );
    return {
      paymentId,
      months: rows.map((r) => r.month),
      amountFen: rows.reduce((sum, r) => sum + Number(r.amount_fen), 0),
      paidOn: rows[0]?.paid_on ?? '',
    };
  }
}
