import { EntityManager, IsNull } from 'typeorm';
import type { Caller } from '@partybuild/auth';
import { CommitteeMemberRecord, ElectionRecord, OrganizationRecord } from '../entities';
import { OrganizationErrors } from '../errors';
import { ORGANIZATION_RULES } from '../reference/organization-rules';
import { CommitteeRole, OrganizationKind } from '../domain/organization-kind';
import { termEndsOn } from '../domain/committee-term';
import { kindLabel } from '../domain/labels';
import { OrganizationEvent, recordChange } from './organization-events';
import { lockForChange } from './organization-access';
import { addYears } from '@partybuild/calendar';
import { checkDayWithin, checkNumberWithin } from '@partybuild/errors';
import { recordedDayRange } from '../domain/organization-fields';
import { IdempotencyScope, UnitOfWork, createOnce } from '@partybuild/persistence';

export interface Appointment {
  personName: string;
  memberId?: string | null;
  role: CommitteeRole;
}

export interface ElectionInput {
  organizationId: string;
  heldOn: string;
  committee: Appointment[];
  eligibleVoters?: number | null;
  votesCast?: number | null;
  notes?: string | null;
}

/** Committee appointments and elections (换届选举), each with its events. */
export class CommitteeCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly today: () => string,
  ) {}

  /** Records an election: the old committee steps down, the elected one starts a new term. */
  async recordElection(caller: Caller, input: ElectionInput, once: IdempotencyScope | null = null): Promise<ElectionRecord> {
    const today = this.today();
    if (input.heldOn > today) {
      throw OrganizationErrors.DATE_IN_FUTURE(
        { what: '选举日期', whatEn: 'election date', date: input.heldOn, today },
        { field: 'heldOn' },
      );
    }
    checkDayWithin('heldOn', '选举日期', input.heldOn, recordedDayRange(this.today()));
    for (const [field, label] of [
      ['eligibleVoters', '应到会有选举权的党员数'],
      ['votesCast', '实际投票人数'],
    ] as const) {
      const value = input[field];
      if (value != null) checkNumberWithin(field, label, value, ORGANIZATION_RULES.counts.voters);
    }
    if (input.committee.length === 0) throw OrganizationErrors.ELECTION_WITHOUT_COMMITTEE();
    if (!input.committee.some((a) => a.role === CommitteeRole.SECRETARY)) throw OrganizationErrors.ELECTION_WITHOUT_SECRETARY();
    if (input.eligibleVoters != null && input.votesCast != null && input.votesCast > input.eligibleVoters) {
      throw OrganizationErrors.VOTES_EXCEED_VOTERS({ votesCast: input.votesCast, eligibleVoters: input.eligibleVoters });
    }
    return this.unitOfWork.run((manager) =>
      createOnce(
        manager,
        once,
        input,
        async () => {
          const organization = await lockForChange(manager, caller, input.organizationId);
          const termEnd = termEndsOn(organization.kind, input.heldOn);
          if (organization.kind === OrganizationKind.PARTY_GROUP) {
            throw OrganizationErrors.PARTY_GROUP_HAS_NO_COMMITTEE(
              { kindZh: kindLabel(organization.kind, 'zh'), kindEn: kindLabel(organization.kind) },
              { rule: 'party-group-has-no-committee' },
            );
          }
          const election = await manager.save(
            manager.create(ElectionRecord, {
              organizationId: organization.id,
              heldOn: input.heldOn,
              termEndsOn: termEnd,
              eligibleVoters: input.eligibleVoters ?? null,
              votesCast: input.votesCast ?? null,
              notes: input.notes?.trim() || null,
              recordedBy: caller.subject,
            }),
          );
          await manager.update(CommitteeMemberRecord, { organizationId: organization.id, endedOn: IsNull() }, { endedOn: input.heldOn });
          await manager.insert(
            CommitteeMemberRecord,
            input.committee.map((a) => ({
              ...checkedAppointment(a),
              organizationId: organization.id,
              termStart: input.heldOn,
              termEnd,
              electionId: election.id,
            })),
          );
          organization.termStartedOn = input.heldOn;
          organization.termEndsOn = termEnd;
          await manager.save(organization);
          await recordChange(manager, organization, OrganizationEvent.ELECTION_RECORDED, caller.subject, {
            electionId: election.id,
            heldOn: input.heldOn,
            termEndsOn: termEnd,
            committeeSize: input.committee.length,
          });
          await this.committeeChanged(manager, organization, caller);
          return election;
        },
        (e) => e.id,
        (id) => manager.findOneByOrFail(ElectionRecord, { id }),
      ),
    );
  }

  /** An appointment between elections (补选/调整), serving until the current term ends. */
  async appoint(
    caller: Caller,
    organizationId: string,
    appointment: Appointment,
    startsOn?: string | null,
    once: IdempotencyScope | null = null,
  ): Promise<CommitteeMemberRecord> {
    return this.unitOfWork.run((manager) =>
      createOnce(
        manager,
        once,
        { organizationId, appointment, startsOn },
        async () => {
          const organization = await lockForChange(manager, caller, organizationId);
          const start = startsOn ?? this.today();
          const { earliest } = recordedDayRange(this.today());
          checkDayWithin('startsOn', '任职开始日期', start, {
            earliest,
            latest: addYears(this.today(), ORGANIZATION_RULES.dates.appointmentYearsAhead),
          });
          const record = await manager.save(
            manager.create(CommitteeMemberRecord, {
              ...checkedAppointment(appointment),
              organizationId,
              termStart: start,
              termEnd: organization.termEndsOn,
              electionId: null,
            }),
          );
          await this.committeeChanged(manager, organization, caller);
          return record;
        },
        (r) => r.id,
        (id) => manager.findOneByOrFail(CommitteeMemberRecord, { id }),
      ),
    );
  }

  async endAppointment(caller: Caller, appointmentId: string, endedOn?: string | null): Promise<CommitteeMemberRecord> {
    return this.unitOfWork.run(async (manager) => {
      const appointment = await manager.findOne(CommitteeMemberRecord, { where: { id: appointmentId, endedOn: IsNull() } });
      if (!appointment) throw OrganizationErrors.COMMITTEE_MEMBER_NOT_FOUND({ reference: appointmentId });
      const organization = await lockForChange(manager, caller, appointment.organizationId);
      const day = endedOn ?? this.today();
      if (day < appointment.termStart) throw OrganizationErrors.APPOINTMENT_ENDS_BEFORE_START({ termStart: appointment.termStart });
      checkDayWithin('endedOn', '免职日期', day, { earliest: appointment.termStart, latest: this.today() });
      appointment.endedOn = day;
      await manager.save(appointment);
      await this.committeeChanged(manager, organization, caller);
      return appointment;
    });
  }

  private async committeeChanged(manager: EntityManager, organization: OrganizationRecord, caller: Caller): Promise<void> {
    const current = await manager.find(CommitteeMemberRecord, { where: { organizationId: organization.id, endedOn: IsNull() } });
    await recordChange(manager, organization, OrganizationEvent.COMMITTEE_CHANGED, caller.subject, {
      committee: current.map((m) => ({ role: m.role, memberId: m.memberId, termStart: m.termStart, termEnd: m.termEnd })),
    });
  }
}

function checkedAppointment(a: Appointment) {
  const personName = a.personName.trim();
  const max = ORGANIZATION_RULES.committeeMemberName.maxLength;
  if (!personName || [...personName].length > max) throw OrganizationErrors.COMMITTEE_MEMBER_NAME({ max });
  return { personName, memberId: a.memberId ?? null, role: a.role };
}
