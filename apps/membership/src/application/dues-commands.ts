import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import type { Caller } from '@partybuild/auth';
import { DuesPaymentRecord } from '../entities';
import { DomainError, InvalidInputError, MembershipErrorCode } from '../errors';
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
    if (paidOn > today) throw new InvalidInputError('paidOn', `The payment date ${paidOn} is in the future.`);
    const allowed = backdateRange(today, this.limits.backdateYears.duesPayment);
    checkDayWithin('paidOn', '缴纳日期', paidOn, allowed);
    const months = [...new Set(input.months.map((m) => m.trim()))].sort();
    if (!months.length) throw new InvalidInputError('months', 'Name the month(s) the payment covers (YYYY-MM).');
    const bad = months.find((m) => !isMonth(m));
    if (bad) throw new InvalidInputError('months', `"${bad}" is not a month; write it as YYYY-MM.`);
    const rules = duesRulesOn(today);
    const latest = addMonthsToMonth(monthOf(today), rules.maxMonthsAhead);
    // A month long before the oldest payment one may enter cannot be settled now (1900-01, 0000-01).
    const earliest = monthOf(allowed.earliest);
    if (months[0] < earliest) {
      checkDayWithin('months', '所缴党费月份', `${months[0]}-01`, { earliest: `${earliest}-01`, latest: `${latest}-01` });
    }
    if (months[months.length - 1] > latest) {
      throw new InvalidInputError('months', `Dues may be paid at most ${rules.maxMonthsAhead} months ahead (up to ${latest}).`);
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
            throw new DomainError(
              MembershipErrorCode.NOT_A_MEMBER,
              `Dues are paid by probationary and full members of the district; this record is ${member.stage.toLowerCase()} and ${member.status.toLowerCase()}.`,
            );
          }
          if (member.duesStartMonth && months[0] < member.duesStartMonth) {
            throw new InvalidInputError(
              'months',
              `Dues for this member are counted from ${member.duesStartMonth}; ${months[0]} is before that.`,
            );
          }
          const already = await manager.find(DuesPaymentRecord, { where: { memberId: member.id, month: In(months) } });
          if (already.length) {
            throw new DomainError(
              MembershipErrorCode.DUES_ALREADY_PAID,
              `Dues for ${already
                .map((p) => p.month)
                .sort()
                .join(', ')} are already paid.`,
              {
                months: already.map((p) => p.month),
              },
            );
          }
          // Each month at the due in force that month (the history), as the dues summary expects it.
          const account = accountOf(member, rules);
          const dues = months.map((month) => dueIn(account, month));
          const monthly = dues[dues.length - 1];
          const amountFen = dues.reduce((sum, fen) => sum + fen, 0);
          if (input.amountFen != null && input.amountFen !== amountFen) {
            throw new InvalidInputError(
              'amountFen',
              `The due for ${months.length} month(s) is ${(amountFen / 100).toFixed(2)} yuan (${(monthly / 100).toFixed(2)} a month); ${(input.amountFen / 100).toFixed(2)} given.`,
            );
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
