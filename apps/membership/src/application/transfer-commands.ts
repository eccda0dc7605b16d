import type { EntityManager } from 'typeorm';
import type { Caller } from '@partybuild/auth';
import { isBranchLevel } from '@partybuild/org-tree';
import { MemberRecord, TransferRecord } from '../entities';
import { MembershipErrors } from '../errors';
import { STAGE_LABELS, STATUS_LABELS, TRANSFER_STATE_LABELS } from '../domain/labels';
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
    if (issuedOn > today) throw MembershipErrors.DATE_IN_FUTURE({ date: issuedOn, today }, { field: 'issuedOn' });
    checkDayWithin('issuedOn', '介绍信开具日期', issuedOn, backdateRange(today, this.limits.backdateYears.transfer));
    return this.unitOfWork.run((manager) =>
      createOnce(
        manager,
        once,
        input,
        async () => {
          const { member, node } = await lockMember(manager, caller, input.memberId);
          if (!MEMBER_STAGES.includes(member.stage)) {
            throw MembershipErrors.NOT_A_MEMBER({ stage: member.stage, stageZh: STAGE_LABELS[member.stage] });
          }
          if (member.status !== MemberStatus.ACTIVE && member.status !== MemberStatus.FLOATING) {
            throw MembershipErrors.NOT_AN_ACTIVE_MEMBER({ status: member.status, statusZh: STATUS_LABELS[member.status] });
          }
          const pending = await manager.findOne(TransferRecord, { where: { memberId: member.id, state: TransferState.PENDING } });
          if (pending && effectiveState(pending, today) === TransferState.PENDING) {
            throw MembershipErrors.TRANSFER_ALREADY_PENDING({
              issuedOn: pending.issuedOn,
              expiresOn: pending.expiresOn,
              transferId: pending.id,
            });
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
            if (!destination) throw MembershipErrors.DESTINATION_REQUIRED();
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
            throw MembershipErrors.TRANSFER_TARGET_NOT_BRANCH({ name: target.name, toOrganizationId: target.id });
          }
          if (target.id === member.organizationId) {
            throw MembershipErrors.TRANSFER_TO_SAME_BRANCH({ name: target.name });
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
    if (!reason?.trim()) throw MembershipErrors.REJECTION_REASON_REQUIRED();
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
    if (on && on > today) throw MembershipErrors.DATE_IN_FUTURE({ date: on, today }, { field: 'on' });
    const transfer = await manager.findOne(TransferRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!transfer) throw MembershipErrors.TRANSFER_NOT_FOUND({ reference: id });
    if (!transfer.toOrganizationId) throw MembershipErrors.TRANSFER_OUT_OF_DISTRICT();
    const target = await organizationNode(manager, transfer.toOrganizationId);
    assertVisible(caller, target, `转入${target.name}的组织关系`, 'member.manage');
    // Accepted or rejected no earlier than the letter was issued.
    if (on) checkDayWithin('on', '接收或退回日期', on, { earliest: transfer.issuedOn, latest: today });
    const state = effectiveState(transfer, on ?? today);
    if (state === TransferState.EXPIRED) {
      throw MembershipErrors.TRANSFER_EXPIRED({ expiresOn: transfer.expiresOn });
    }
    if (state !== TransferState.PENDING) throw MembershipErrors.TRANSFER_NOT_PENDING({ state, stateZh: TRANSFER_STATE_LABELS[state] });
    return transfer;
  }
}
