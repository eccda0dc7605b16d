import { randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import type { Caller } from '@partybuild/auth';
import { DuesPaymentRecord } from '../entities';
import { DomainError, InvalidInputError, MembershipErrorCode } from '../errors';
import { MEMBER_STAGES, MemberStatus } from '../domain/member-kinds';
import { isMonth } from '../domain/dues';
import { dueIn } from '@partybuild/dues';
import { accountOf } from './member-queries';
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
    if (paidOn > today) throw new InvalidInputError('paidOn', `The payment date ${paidOn} is in the future.`);
    const months = [...new Set(input.months.map((m) => m.trim()))].sort();
    if (!months.length) throw new InvalidInputError('months', 'Name the month(s) the payment covers (YYYY-MM).');
    const bad = months.find((m) => !isMonth(m));
    if (bad) throw new InvalidInputError('months', `"${bad}" is not a month; write it as YYYY-MM.`);
    const rules = duesRulesOn(today);
    const latest = addMonthsToMonth(monthOf(today), rules.maxMonthsAhead);
    if (months[months.length - 1] > latest) {
      throw new InvalidInputError('months', `Dues may be paid at most ${rules.maxMonthsAhead} months ahead (up to ${latest}).`);
    }
    return this.unitOfWork.run(async (manager) => {
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
    });
  }
}
