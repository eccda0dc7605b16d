import type { EntityManager } from 'typeorm';
import type { Caller } from '@partybuild/auth';
import { isBranchLevel } from '@partybuild/org-tree';
import { MemberRecord, TransferRecord } from '../entities';
import { DomainError, InvalidInputError, MembershipErrorCode, TransferError } from '../errors';
import { MEMBER_STAGES, MemberStatus, TransferState } from '../domain/member-kinds';
import { addMonths } from '../domain/dates';
import { effectiveState } from '../domain/transfer';
import { placementRefusal } from '../domain/placement';
import { checkDayWithin } from '@partybuild/errors';
import { DATE_LIMITS, MembershipDateLimits, backdateRange } from '../reference/membership-rules';
import { MemberEvent, recordChange } from './member-events';
import { assertCanManage, assertVisible, lockMember, organizationNode } from './member-access';
import { IdempotencyScope, UnitOfWork, createOnce } from '@partybuild/persistence';

export interface IssueTransfer {
  memberId: string;
  /** The receiving branch; empty when the member leaves the district. */
  toOrganizationId?: string | null;
  /** Out of the district: the receiving organisation elsewhere. */
  destination?: string | null;
  issuedOn?: string | null;
}

/** 组织关系转接: issue, accept, reject; until accepted the member stays in the sending branch. */
export class TransferCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly today: () => string,
    private readonly validMonths: number,
    private readonly limits: MembershipDateLimits = DATE_LIMITS,
  ) {}

  async issue(caller: Caller, input: IssueTransfer, once: IdempotencyScope | null = null): Promise<TransferRecord> {
    const today = this.today();
    const issuedOn = input.issuedOn ?? today;
    if (issuedOn > today) throw new InvalidInputError('issuedOn', `The date ${issuedOn} is in the future.`);
    checkDayWithin('issuedOn', '介绍信开具日期', issuedOn, backdateRange(today, this.limits.backdateYears.transfer));
    return this.unitOfWork.run((manager) =>
      createOnce(
        manager,
        once,
        input,
        async () => {
          const { member, node } = await lockMember(manager, caller, input.memberId);
          if (!MEMBER_STAGES.includes(member.stage)) {
            throw new DomainError(
              MembershipErrorCode.NOT_A_MEMBER,
              `Only probationary and full members transfer their Party relationship; this record is at stage ${member.stage}.`,
            );
          }
          if (member.status !== MemberStatus.ACTIVE && member.status !== MemberStatus.FLOATING) {
            throw new TransferError(MembershipErrorCode.NOT_A_MEMBER, `The record's status is ${member.status}; it cannot be transferred.`);
          }
          const pending = await manager.findOne(TransferRecord, { where: { memberId: member.id, state: TransferState.PENDING } });
          if (pending && effectiveState(pending, today) === TransferState.PENDING) {
            throw new TransferError(
              MembershipErrorCode.TRANSFER_ALREADY_PENDING,
              `A transfer issued on ${pending.issuedOn} is still pending (valid until ${pending.expiresOn}).`,
              {
                transferId: pending.id,
              },
            );
          }
          if (pending) await manager.update(TransferRecord, { id: pending.id }, { state: TransferState.EXPIRED });
          const base = {
            memberId: member.id,
            fromOrganizationId: member.organizationId,
            issuedOn,
            expiresOn: addMonths(issuedOn, this.validMonths),
            issuedBy: caller.subject,
          };
          if (!input.toOrganizationId) {
            const destination = input.destination?.trim();
            if (!destination)
              throw new InvalidInputError('destination', 'A transfer out of the district names where to (the receiving organisation).');
            const transfer = await manager.save(
              manager.create(TransferRecord, {
                ...base,
                toOrganizationId: null,
                destination,
                state: TransferState.LEFT_DISTRICT,
                decidedOn: issuedOn,
              }),
            );
            member.status = MemberStatus.TRANSFERRED_OUT;
            await manager.save(member);
            await recordChange(manager, member, node.path, MemberEvent.TRANSFERRED, caller.subject, {
              transferId: transfer.id,
              fromOrganizationId: member.organizationId,
              toOrganizationId: null,
              on: issuedOn,
              outOfDistrict: true,
            });
            await recordChange(manager, member, node.path, MemberEvent.STATUS_CHANGED, caller.subject, {
              fromStatus: MemberStatus.ACTIVE,
              toStatus: MemberStatus.TRANSFERRED_OUT,
              on: issuedOn,
            });
            return transfer;
          }
          const target = await organizationNode(manager, input.toOrganizationId);
          const refusal = placementRefusal(target);
          if (refusal && isBranchLevel(target)) throw refusal;
          if (refusal) {
            throw new TransferError(
              MembershipErrorCode.TRANSFER_TARGET_NOT_BRANCH,
              `${target.name} cannot receive members: only an active branch (党支部, 联合党支部, 临时党支部) can.`,
              { toOrganizationId: target.id },
            );
          }
          if (target.id === member.organizationId) {
            throw new TransferError(MembershipErrorCode.TRANSFER_TO_SAME_BRANCH, `The member already belongs to ${target.name}.`);
          }
          return manager.save(
            manager.create(TransferRecord, {
              ...base,
              toOrganizationId: target.id,
              destination: target.name,
              state: TransferState.PENDING,
            }),
          );
        },
        (t) => t.id,
        (id) => manager.findOneByOrFail(TransferRecord, { id }),
      ),
    );
  }

  /** The receiving branch accepts: the member moves there (without a Party group yet). */
  async accept(caller: Caller, transferId: string, on?: string | null): Promise<TransferRecord> {
    return this.unitOfWork.run(async (manager) => {
      const transfer = await this.pending(manager, caller, transferId, on);
      const day = on ?? this.today();
      const target = await organizationNode(manager, transfer.toOrganizationId!);
      // Dissolved since the letter was issued: the member must not move into it.
      const refusal = placementRefusal(target);
      if (refusal) throw refusal;
      // The receiving branch's cadre acts here: their scope was checked against the receiving branch above.
      const member = await manager.findOneOrFail(MemberRecord, { where: { id: transfer.memberId }, lock: { mode: 'pessimistic_write' } });
      member.organizationId = target.id;
      member.partyGroupId = null;
      await manager.save(member);
      transfer.state = TransferState.ACCEPTED;
      transfer.decidedOn = day;
      transfer.decidedBy = caller.subject;
      await manager.save(transfer);
      await recordChange(manager, member, target.path, MemberEvent.TRANSFERRED, caller.subject, {
        transferId: transfer.id,
        fromOrganizationId: transfer.fromOrganizationId,
        toOrganizationId: target.id,
        on: day,
        outOfDistrict: false,
      });
      return transfer;
    });
  }

  async reject(caller: Caller, transferId: string, reason: string, on?: string | null): Promise<TransferRecord> {
    if (!reason?.trim()) throw new InvalidInputError('reason', 'Say why the transfer is rejected.');
    return this.unitOfWork.run(async (manager) => {
      const transfer = await this.pending(manager, caller, transferId, on);
      transfer.state = TransferState.REJECTED;
      transfer.decidedOn = on ?? this.today();
      transfer.decidedBy = caller.subject;
      transfer.reason = reason.trim();
      return manager.save(transfer);
    });
  }

  /** A pending, unexpired transfer whose receiving branch the caller manages. */
  private async pending(manager: EntityManager, caller: Caller, id: string, on?: string | null): Promise<TransferRecord> {
    assertCanManage(caller);
    const today = this.today();
    if (on && on > today) throw new InvalidInputError('on', `The date ${on} is in the future.`);
    const transfer = await manager.findOne(TransferRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!transfer) throw new TransferError(MembershipErrorCode.TRANSFER_NOT_FOUND, `No transfer ${id} exists.`);
    if (!transfer.toOrganizationId)
      throw new TransferError(MembershipErrorCode.TRANSFER_NOT_PENDING, 'A transfer out of the district is not accepted here.');
    const target = await organizationNode(manager, transfer.toOrganizationId);
    assertVisible(caller, target, `transfers into ${target.name}`, 'member.manage');
    // Accepted or rejected no earlier than the letter was issued.
    if (on) checkDayWithin('on', '接收或退回日期', on, { earliest: transfer.issuedOn, latest: today });
    const state = effectiveState(transfer, on ?? today);
    if (state === TransferState.EXPIRED) {
      throw new TransferError(
        MembershipErrorCode.TRANSFER_EXPIRED,
        `The transfer letter expired on ${transfer.expiresOn}; the sending branch must issue a new one.`,
      );
    }
    if (state !== TransferState.PENDING)
      throw new TransferError(MembershipErrorCode.TRANSFER_NOT_PENDING, `The transfer is already ${state.toLowerCase()}.`);
    return transfer;
  }
}
