import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import type { Caller } from '@partybuild/auth';
import { DevelopmentStepRecord, MemberRecord } from '../entities';
import { MembershipErrors } from '../errors';
import { STATUS_LABELS } from '../domain/labels';
import { groupRefusal, placementRefusal } from '../domain/placement';
import { MemberCategory, MemberStatus } from '../domain/member-kinds';
import { DevelopmentFacts, PeopleLookup, StepData, decideCancellation, decideExtension, decideStep } from '../domain/development';
import { DevelopmentStep } from '../domain/development-step';
import { NewMember, ValidMember, validateNewMember } from '../domain/new-member';
import { checkDeclaredBase } from '../domain/dues';
import { checkVoteAgainstBranch } from '../domain/votes';
import { votingMembersOn } from './branch-voters';
import { isPhone } from '../domain/id-number';
import { monthOf } from '../domain/dates';
import { PersonalDataCipher } from '../domain/personal-data-cipher';
import { DATE_LIMITS, MembershipDateLimits, backdateRange, duesRulesOn, RECORD_RULES } from '../reference/membership-rules';
import { checkDayWithin, checkNumberWithin } from '@partybuild/errors';
import { MemberEvent, duesHistoryOf, recordChange } from './member-events';
import { isDuplicateIdNumber, lockMember, manageableNode, organizationNode } from './member-access';
import { IdempotencyScope, UnitOfWork, createOnce } from '@partybuild/persistence';

export interface RegisterMember extends NewMember {
  organizationId: string;
  partyGroupId?: string | null;
}

export interface UpdateMember {
  name?: string;
  ethnicity?: string | null;
  education?: string | null;
  phone?: string | null;
  workUnit?: string | null;
  post?: string | null;
  category?: MemberCategory;
  partyGroupId?: string | null;
  duesBaseFen?: number | null;
}

const VOTE_STEPS = [DevelopmentStep.ADMISSION_VOTE, DevelopmentStep.CONVERSION_VOTE];

export interface StepInput {
  step: DevelopmentStep;
  on: string;
  data: StepData;
}

/** The record from a validated person, sealed for storage. */
export function recordFrom(
  valid: ValidMember,
  cipher: PersonalDataCipher,
  placement: { id: string; organizationId: string; partyGroupId: string | null },
) {
  return {
    id: placement.id,
    organizationId: placement.organizationId,
    partyGroupId: placement.partyGroupId,
    name: valid.name,
    gender: valid.gender,
    ethnicity: valid.ethnicity,
    birthDate: valid.birthDate,
    education: valid.education,
    phoneSealed: valid.phone ? cipher.encrypt(valid.phone) : null,
    idNumberSealed: cipher.encrypt(valid.idNumber),
    idNumberHash: cipher.lookupHash(valid.idNumber),
    workUnit: valid.workUnit,
    post: valid.post,
    category: valid.category,
    status: MemberStatus.ACTIVE,
    stage: valid.stage,
    lastStep: valid.lastStep,
    appliedOn: null,
    activistSince: valid.activistSince,
    candidateSince: valid.candidateSince,
    joinedOn: valid.joinedOn,
    probationEndsOn: valid.probationEndsOn,
    probationExtensions: 0,
    fullMemberSince: valid.fullMemberSince,
    duesBaseFen: valid.duesBaseFen,
    duesStartMonth: valid.duesStartMonth,
  };
}

/** Person records and their development, each change in one transaction with its event. */
export class MemberCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cipher: PersonalDataCipher,
    private readonly today: () => string,
    private readonly limits: MembershipDateLimits = DATE_LIMITS,
  ) {}

  async register(caller: Caller, input: RegisterMember, once: IdempotencyScope | null = null): Promise<MemberRecord> {
    const { value, problems } = validateNewMember(input, this.today(), this.limits);
    if (!value) throw problems[0].error;
    return this.run((manager) =>
      createOnce(
        manager,
        once,
        this.sealedFingerprint(input),
        async () => {
          const branch = await manageableNode(manager, caller, input.organizationId);
          const refusal = placementRefusal(branch);
          if (refusal) throw refusal;
          const partyGroupId = await this.checkedGroup(manager, input.partyGroupId ?? null, branch.id);
          const taken = await manager.count(MemberRecord, { where: { idNumberHash: this.cipher.lookupHash(value.idNumber) } });
          if (taken) throw MembershipErrors.ID_NUMBER_TAKEN(undefined, { field: 'idNumber' });
          const member = manager.create(
            MemberRecord,
            recordFrom(value, this.cipher, { id: randomUUID(), organizationId: branch.id, partyGroupId }),
          );
          member.monthlyDues = duesHistoryOf(member);
          await manager.insert(MemberRecord, member);
          await recordChange(manager, member, branch.path, MemberEvent.REGISTERED, caller.subject);
          return member;
        },
        (m) => m.id,
        (id) => manager.findOneByOrFail(MemberRecord, { id }),
      ),
    );
  }

  async update(caller: Caller, id: string, input: UpdateMember): Promise<MemberRecord> {
    return this.run(async (manager) => {
      const { member, node } = await lockMember(manager, caller, id);
      const changed: string[] = [];
      const set = <K extends keyof MemberRecord>(key: K, value: MemberRecord[K], field: string = key) => {
        if (member[key] !== value) {
          member[key] = value;
          changed.push(field);
        }
      };
      if (input.name !== undefined) {
        const name = input.name.trim();
        if (!name || [...name].length > RECORD_RULES.name.maxLength)
          throw MembershipErrors.NAME_REQUIRED({ max: RECORD_RULES.name.maxLength });
        set('name', name);
      }
      for (const key of ['ethnicity', 'education', 'workUnit', 'post'] as const) {
        if (input[key] !== undefined) set(key, input[key]?.trim() || null);
      }
      if (input.phone !== undefined) {
        const phone = input.phone?.replace(/\s+/g, '') || null;
        if (phone && !isPhone(phone)) throw MembershipErrors.PHONE_INVALID({ masked: phone.replace(/\d(?=\d{4})/g, '*') });
        // Sealed again only when it changed (the ciphertext differs each time).
        const current = member.phoneSealed ? this.cipher.decrypt(member.phoneSealed) : null;
        if (current !== phone) {
          member.phoneSealed = phone ? this.cipher.encrypt(phone) : null;
          changed.push('phone');
        }
      }
      if (input.category !== undefined) set('category', input.category);
      if (input.duesBaseFen != null) checkNumberWithin('duesBaseFen', '党费基数（分）', input.duesBaseFen, this.limits.duesBaseFen);
      if (input.duesBaseFen !== undefined) {
        checkDeclaredBase(member.category, input.duesBaseFen, duesRulesOn(this.today()));
        set('duesBaseFen', input.duesBaseFen, 'duesBase');
      }
      if (input.partyGroupId !== undefined)
        set('partyGroupId', await this.checkedGroup(manager, input.partyGroupId, member.organizationId));
      if (!changed.length) return member;
      await manager.save(member);
      // Which fields changed, never their values: the event carries no personal data.
      await recordChange(manager, member, node.path, MemberEvent.UPDATED, caller.subject, { changed });
      return member;
    });
  }

  /** Records one development step after the state machine's guards allow it. */
  async recordStep(
    caller: Caller,
    memberId: string,
    input: StepInput,
    once: IdempotencyScope | null = null,
  ): Promise<{ member: MemberRecord; step: DevelopmentStepRecord }> {
    this.checkStepInput(input);
    return this.run((manager) =>
      createOnce(
        manager,
        once,
        { memberId, input },
        async () => {
          const { member, node } = await lockMember(manager, caller, memberId);
          const facts = await this.facts(manager, member);
          const named = [...(input.data.contactIds ?? []), ...(input.data.introducerIds ?? [])];
          const people: PeopleLookup = new Map(
            named.length
              ? (await manager.find(MemberRecord, { where: { id: In(named) } })).map((p) => [p.id, { stage: p.stage, status: p.status }])
              : [],
          );
          if (input.data.vote && VOTE_STEPS.includes(input.step)) {
            checkVoteAgainstBranch(
              input.data.vote,
              { name: node.name, votingMembers: await votingMembersOn(manager, node.id, input.on) },
              input.on,
            );
          }
          const outcome = decideStep(facts, input.step, input.on, input.data, this.today(), people);
          const step = manager.create(DevelopmentStepRecord, {
            memberId,
            step: input.step,
            ordinal: outcome.definition.ordinal,
            on: input.on,
            data: input.data,
            late: outcome.late,
            actor: caller.subject,
          });
          await manager.save(step);
          const fromStage = member.stage;
          Object.assign(member, outcome.changes);
          member.lastStep = outcome.definition.ordinal;
          member.stage = outcome.stage;
          if (outcome.definition.step === DevelopmentStep.ADMITTED_AS_PROBATIONARY) member.duesStartMonth = monthOf(input.on);
          await manager.save(member);
          if (fromStage !== member.stage) {
            await recordChange(manager, member, node.path, MemberEvent.STAGE_CHANGED, caller.subject, {
              fromStage,
              toStage: member.stage,
              step: input.step,
              on: input.on,
              late: outcome.late,
            });
          } else {
            await recordChange(manager, member, node.path, MemberEvent.UPDATED, caller.subject, {
              changed: ['development'],
              step: input.step,
              on: input.on,
            });
          }
          return { member, step };
        },
        (r) => String(r.step.id),
        async (id) => {
          const step = await manager.findOneByOrFail(DevelopmentStepRecord, { id });
          return { step, member: await manager.findOneByOrFail(MemberRecord, { id: step.memberId }) };
        },
      ),
    );
  }

  async extendProbation(caller: Caller, memberId: string, months: number, on: string): Promise<MemberRecord> {
    this.checkDecisionDay('on', '延长预备期决定日期', on);
    return this.run(async (manager) => {
      const { member, node } = await lockMember(manager, caller, memberId);
      member.probationEndsOn = decideExtension(await this.facts(manager, member), months, on, this.today());
      member.probationExtensions += 1;
      await manager.save(
        manager.create(DevelopmentStepRecord, {
          memberId,
          step: DevelopmentStep.PROBATION_EXTENDED,
          ordinal: member.lastStep,
          on,
          data: { notes: `${months} months, until ${member.probationEndsOn}` },
          late: false,
          actor: caller.subject,
        }),
      );
      await manager.save(member);
      await recordChange(manager, member, node.path, MemberEvent.UPDATED, caller.subject, {
        changed: ['probationEndsOn'],
        probationExtendedMonths: months,
        probationEndsOn: member.probationEndsOn,
      });
      return member;
    });
  }

  /** 取消预备党员资格: the probationary member leaves the membership; the event says why it happened (not the reason text). */
  async cancelProbation(caller: Caller, memberId: string, on: string, reason: string): Promise<MemberRecord> {
    this.checkDecisionDay('on', '取消预备党员资格日期', on);
    return this.run(async (manager) => {
      const { member, node } = await lockMember(manager, caller, memberId);
      decideCancellation(await this.facts(manager, member), on, reason, this.today());
      await manager.save(
        manager.create(DevelopmentStepRecord, {
          memberId,
          step: DevelopmentStep.PROBATION_CANCELLED,
          ordinal: member.lastStep,
          on,
          data: { notes: reason.trim() },
          late: false,
          actor: caller.subject,
        }),
      );
      const fromStatus = member.status;
      member.status = MemberStatus.EXPELLED;
      await manager.save(member);
      await recordChange(manager, member, node.path, MemberEvent.STATUS_CHANGED, caller.subject, {
        fromStatus,
        toStatus: member.status,
        on,
        cause: 'PROBATION_CANCELLED',
      });
      return member;
    });
  }

  /** Lost contact, floating, deceased, expelled, back to active. Leaving the district is a transfer. */
  async changeStatus(caller: Caller, memberId: string, status: MemberStatus, on: string): Promise<MemberRecord> {
    if (on > this.today()) throw MembershipErrors.DATE_IN_FUTURE({ date: on, today: this.today() }, { field: 'on' });
    this.checkDecisionDay('on', '状态变更日期', on);
    if (status === MemberStatus.TRANSFERRED_OUT) throw MembershipErrors.STATUS_BY_TRANSFER();
    return this.run(async (manager) => {
      const { member, node } = await lockMember(manager, caller, memberId);
      if (member.status === status) throw MembershipErrors.STATUS_UNCHANGED({ status, statusZh: STATUS_LABELS[status] });
      const fromStatus = member.status;
      member.status = status;
      await manager.save(member);
      await recordChange(manager, member, node.path, MemberEvent.STATUS_CHANGED, caller.subject, { fromStatus, toStatus: status, on });
      return member;
    });
  }

  async facts(manager: EntityManager, member: MemberRecord): Promise<DevelopmentFacts> {
    const history = await manager.find(DevelopmentStepRecord, { where: { memberId: member.id }, order: { id: 'ASC' } });
    return {
      ...member,
      history: history.map((h) => ({ step: h.step, on: h.on, data: h.data })),
    };
  }

  /**
   * What a registration's retry is compared by: the input with the ID number and phone replaced
   * by their keyed hashes, so that nothing personal is fingerprinted in the clear.
   */
  private sealedFingerprint(input: RegisterMember): RegisterMember {
    return {
      ...input,
      idNumber: this.cipher.lookupHash(input.idNumber ?? ''),
      phone: input.phone ? this.cipher.lookupHash(input.phone) : input.phone,
    };
  }

  /** Dates and counts of a step that cannot be true are refused before anything is looked up. */
  private checkStepInput(input: StepInput): void {
    const today = this.today();
    // A date after today keeps its own refusal (decideStep); only the far past is caught here.
    if (input.on <= today) checkDayWithin('on', '步骤日期', input.on, backdateRange(today, this.limits.backdateYears.developmentStep));
    const { data } = input;
    if (data.noticeStartsOn) {
      checkDayWithin(
        'noticeStartsOn',
        '公示开始日期',
        data.noticeStartsOn,
        backdateRange(today, this.limits.backdateYears.developmentStep),
      );
    }
    if (data.trainingDays != null) checkNumberWithin('trainingDays', '培训天数', data.trainingDays, this.limits.trainingDays);
    if (data.trainingHours != null) checkNumberWithin('trainingHours', '培训学时', data.trainingHours, this.limits.trainingHours);
    if (data.vote) {
      checkNumberWithin('vote.eligibleVoters', '应到会有表决权的党员数', data.vote.eligibleVoters, this.limits.voters);
      checkNumberWithin('vote.present', '实到会有表决权的党员数', data.vote.present, this.limits.voters);
      checkNumberWithin('vote.votesFor', '赞成票数', data.vote.votesFor, this.limits.voters);
    }
  }

  /** A decision entered after the fact: not in the future, not before the limit of the district's rules. */
  private checkDecisionDay(field: string, label: string, day: string): void {
    const today = this.today();
    if (day <= today) checkDayWithin(field, label, day, backdateRange(today, this.limits.backdateYears.statusChange));
  }

  private async checkedGroup(manager: EntityManager, groupId: string | null, branchId: string): Promise<string | null> {
    if (!groupId) return null;
    const group = await organizationNode(manager, groupId);
    const refusal = groupRefusal(group, branchId);
    if (refusal) throw refusal;
    return group.id;
  }

  private async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.unitOfWork.run(work);
    } catch (error) {
      if (isDuplicateIdNumber(error)) throw MembershipErrors.ID_NUMBER_TAKEN(undefined, { field: 'idNumber' });
      throw error;
    }
  }
}
