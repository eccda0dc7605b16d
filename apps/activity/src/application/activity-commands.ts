import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { OrgTree } from '@partybuild/org-tree';
import { appendToOutbox } from '@partybuild/events';
import type { Caller } from '@partybuild/auth';
import { ActivityRecord, NominationRecord } from '../entities';
import { ActivityStatus, ActivityType, AttendanceStatus } from '../domain/activity-type';
import { HeldRecord, Lecturer, assertPlanned, checkHeldRecord, checkPlannedOn, checkTopic } from '../domain/activity-record';
import { AttendanceEntry, attended, countAttendance, mergeAttendance, quorumOf } from '../domain/attendance';
import { ACTIVITY_RULES, DEFAULT_DATE_LIMITS, DateLimits } from '../reference/activity-rules';
import { ActivityErrors, ActivityRuleErrors } from '../errors';
import { ActivityEvent, activityEvent, recordEvent } from './activity-events';
import { assertCanManage, hostsFor, visibleNode } from './host-access';
import { hostMembers, lecturerIsSecretary } from './host-members';
import type { MemberArrivals } from './member-arrivals';
import { IdempotencyScope, UnitOfWork, createOnce } from '@partybuild/persistence';

export interface PlanActivity {
  organizationId: string;
  type: ActivityType;
  plannedOn: string;
  topic: string;
  coHostIds?: string[] | null;
  /** The same organisation, type, day and topic as an existing one, on purpose. */
  intendedDuplicate?: boolean | null;
}

export interface AttendanceInput {
  entries: AttendanceEntry[];
  /** Members of the host not listed are recorded absent (so nobody is typed in twice). */
  othersAbsent?: boolean | null;
}

export interface RecordActivity {
  organizationId: string;
  type: ActivityType;
  coHostIds?: string[] | null;
  record: HeldRecord & { lecturer?: (Lecturer & { asSecretary?: boolean | null }) | null };
  attendance?: AttendanceInput | null;
  intendedDuplicate?: boolean | null;
}

/** Planning, holding, cancelling and attendance; each call is one transaction with its events. */
export class ActivityCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly today: () => string,
    private readonly limits: DateLimits = DEFAULT_DATE_LIMITS,
    private readonly arrivals?: MemberArrivals,
  ) {}

  /** `once`: the caller's idempotency key for this request; a repeat returns the first result. */
  async plan(caller: Caller, input: PlanActivity, once: IdempotencyScope | null = null): Promise<ActivityRecord> {
    const [activity] = await this.planMany(caller, input.organizationId, [input], once);
    return activity;
  }

  /** 年度计划: many planned activities of one organisation in one call. */
  async planMany(
    caller: Caller,
    organizationId: string,
    items: Array<Omit<PlanActivity, 'organizationId'>>,
    once: IdempotencyScope | null = null,
  ): Promise<ActivityRecord[]> {
    if (items.length === 0) throw ActivityErrors.PLAN_EMPTY();
    if (items.length > ACTIVITY_RULES.planMaxItems)
      throw ActivityErrors.PLAN_TOO_LONG({ max: ACTIVITY_RULES.planMaxItems, given: items.length });
    for (const item of items) checkPlannedOn(item.plannedOn, this.today(), this.limits);
    return this.unitOfWork.run((manager) =>
      createOnce(
        manager,
        once,
        { organizationId, items },
        () => this.insertPlanned(manager, caller, organizationId, items),
        (created) => created.map((a) => a.id).join(','),
        async (ids) => {
          const found = await manager.findBy(ActivityRecord, { id: In(ids.split(',')) });
          return ids.split(',').map((id) => found.find((a) => a.id === id) as ActivityRecord);
        },
      ),
    );
  }

  private async insertPlanned(
    manager: EntityManager,
    caller: Caller,
    organizationId: string,
    items: Array<Omit<PlanActivity, 'organizationId'>>,
  ): Promise<ActivityRecord[]> {
    const created: ActivityRecord[] = [];
    for (const item of items) {
      const { host, coHosts, pending } = await hostsFor(manager, caller, organizationId, item.coHostIds ?? []);
      const topic = checkTopic(item.topic);
      await refuseRepeat(manager, { hostId: host.id, type: item.type, status: ActivityStatus.PLANNED, day: item.plannedOn, topic }, item);
      const activity = await manager.save(
        manager.create(ActivityRecord, {
          type: item.type,
          status: ActivityStatus.PLANNED,
          hostId: host.id,
          hostPath: host.path,
          coHostIds: coHosts.map((c) => c.id),
          pendingCoHostIds: pending.map((c) => c.id),
          topic,
          plannedOn: item.plannedOn,
          recordedBy: caller.subject,
        }),
      );
      await recordEvent(manager, activity, ActivityEvent.PLANNED, caller.subject);
      created.push(activity);
    }
    return created;
  }

  /** Records an activity held without a plan, with its attendance: one call for the whole meeting. */
  async record(caller: Caller, input: RecordActivity, once: IdempotencyScope | null = null): Promise<ActivityRecord> {
    const checked = checkHeldRecord(input.type, input.record, this.today(), this.limits);
    return this.waitingForMembers(() =>
      this.unitOfWork.run((manager) =>
        createOnce(
          manager,
          once,
          input,
          () => this.insertHeld(manager, caller, input, checked),
          (a) => a.id,
          (id) => manager.findOneByOrFail(ActivityRecord, { id }),
        ),
      ),
    );
  }

  private async insertHeld(
    manager: EntityManager,
    caller: Caller,
    input: RecordActivity,
    checked: ReturnType<typeof checkHeldRecord>,
  ): Promise<ActivityRecord> {
    const { host, coHosts, pending } = await hostsFor(manager, caller, input.organizationId, input.coHostIds ?? []);
    await refuseRepeat(
      manager,
      {
        hostId: host.id,
        type: input.type,
        status: ActivityStatus.HELD,
        day: checked.heldOn,
        topic: checked.topic,
        startTime: checked.startTime,
      },
      input,
    );
    const activity = manager.create(ActivityRecord, {
      id: randomUUID(),
      type: input.type,
      status: ActivityStatus.HELD,
      hostId: host.id,
      hostPath: host.path,
      coHostIds: coHosts.map((c) => c.id),
      pendingCoHostIds: pending.map((c) => c.id),
      plannedOn: null,
      recordedBy: caller.subject,
      ...checked,
      lecturerIsSecretary: await this.secretaryLectured(manager, input.type, host.id, checked, input.record.lecturer?.asSecretary),
    });
    // Attendance is worked out before anything is written, so the activity is inserted once with its counts.
    const attendance = wants(input.attendance)
      ? await this.resolveAttendance(manager, caller, activity, input.attendance, new Map())
      : null;
    await manager.insert(ActivityRecord, activity);
    const events = [activityEvent(activity, ActivityEvent.HELD, caller.subject)];
    if (attendance) events.push(await this.writeAttendance(manager, caller, activity, attendance));
    await appendToOutbox(manager, events);
    return activity;
  }

  /**
   * 确认联办: a cadre of a co-host named outside the recorder's scope confirms the joint
   * activity; from then on it counts for the co-host and its members' attendance may be recorded.
   */
  async confirmCoHost(caller: Caller, activityId: string, organizationId: string): Promise<ActivityRecord> {
    return this.unitOfWork.run(async (manager) => {
      assertCanManage(caller);
      const coHost = await visibleNode(manager, caller, organizationId);
      const activity = await manager.findOne(ActivityRecord, { where: { id: activityId }, lock: { mode: 'pessimistic_write' } });
      if (!activity) throw ActivityErrors.ACTIVITY_NOT_FOUND({ reference: activityId });
      if (!activity.pendingCoHostIds.includes(coHost.id)) {
        throw ActivityRuleErrors.CO_HOST_NOT_PENDING({ organization: coHost.name }, { field: 'organizationId' });
      }
      activity.pendingCoHostIds = activity.pendingCoHostIds.filter((id) => id !== coHost.id);
      activity.coHostIds = [...activity.coHostIds, coHost.id];
      await manager.update(ActivityRecord, activity.id, { pendingCoHostIds: activity.pendingCoHostIds, coHostIds: activity.coHostIds });
      await recordEvent(manager, activity, ActivityEvent.CO_HOST_CONFIRMED, caller.subject, { organizationId: coHost.id });
      return activity;
    });
  }

  /** A planned activity took place: its record, and optionally its attendance. */
  async markHeld(
    caller: Caller,
    activityId: string,
    record: Omit<RecordActivity['record'], 'topic'> & { topic?: string | null },
    attendance?: AttendanceInput | null,
  ): Promise<ActivityRecord> {
    return this.waitingForMembers(() => this.holdOnce(caller, activityId, record, attendance));
  }

  private holdOnce(
    caller: Caller,
    activityId: string,
    record: Omit<RecordActivity['record'], 'topic'> & { topic?: string | null },
    attendance?: AttendanceInput | null,
  ): Promise<ActivityRecord> {
    return this.unitOfWork.run(async (manager) => {
      const activity = await this.lock(manager, caller, activityId);
      assertPlanned(activity.status, activity.topic);
      const checked = checkHeldRecord(activity.type, { ...record, topic: record.topic ?? activity.topic }, this.today(), this.limits);
      Object.assign(activity, checked, {
        status: ActivityStatus.HELD,
        lecturerIsSecretary: await this.secretaryLectured(manager, activity.type, activity.hostId, checked, record.lecturer?.asSecretary),
      });
      const resolved = wants(attendance) ? await this.resolveAttendance(manager, caller, activity, attendance, new Map()) : null;
      await manager.update(ActivityRecord, activity.id, {
        ...checked,
        status: activity.status,
        lecturerIsSecretary: activity.lecturerIsSecretary,
        ...countsOf(activity),
      });
      const events = [activityEvent(activity, ActivityEvent.HELD, caller.subject)];
      if (resolved) events.push(await this.writeAttendance(manager, caller, activity, resolved));
      await appendToOutbox(manager, events);
      return activity;
    });
  }

  async cancel(caller: Caller, activityId: string, reason: string): Promise<ActivityRecord> {
    const why = reason.trim();
    if (!why || [...why].length > ACTIVITY_RULES.text.reason) {
      throw ActivityErrors.REASON_REQUIRED({
        whatZh: '取消活动的理由',
        whatEn: 'why the activity is cancelled',
        max: ACTIVITY_RULES.text.reason,
      });
    }
    return this.unitOfWork.run(async (manager) => {
      const activity = await this.lock(manager, caller, activityId);
      assertPlanned(activity.status, activity.topic);
      activity.status = ActivityStatus.CANCELLED;
      activity.cancelledOn = this.today();
      activity.cancelReason = why;
      await manager.save(activity);
      await recordEvent(manager, activity, ActivityEvent.CANCELLED, caller.subject, { reason: why });
      return activity;
    });
  }

  /** Attendance of a held activity for the whole meeting in one call; repeating the same answers changes nothing. */
  async recordAttendance(caller: Caller, activityId: string, attendance: AttendanceInput): Promise<ActivityRecord> {
    return this.waitingForMembers(() => this.attendOnce(caller, activityId, attendance));
  }

  private attendOnce(caller: Caller, activityId: string, attendance: AttendanceInput): Promise<ActivityRecord> {
    return this.unitOfWork.run(async (manager) => {
      const activity = await this.lock(manager, caller, activityId);
      if (activity.status === ActivityStatus.CANCELLED) throw ActivityErrors.ACTIVITY_CANCELLED({ topic: activity.topic });
      if (activity.status !== ActivityStatus.HELD) throw ActivityErrors.ACTIVITY_NOT_HELD({ topic: activity.topic });
      const rows: Array<{ member_id: string; status: AttendanceStatus }> = await manager.query(
        `SELECT member_id, status FROM attendance WHERE activity_id = $1`,
        [activity.id],
      );
      const resolved = await this.resolveAttendance(
        manager,
        caller,
        activity,
        attendance,
        new Map(rows.map((r) => [r.member_id, r.status])),
      );
      if (resolved.fresh.length === 0) return activity;
      await manager.update(ActivityRecord, activity.id, countsOf(activity));
      await appendToOutbox(manager, [await this.writeAttendance(manager, caller, activity, resolved)]);
      return activity;
    });
  }

  /** 最佳党日活动: a held themed Party day nominated for its year. */
  async nominate(caller: Caller, activityId: string, reason: string, once: IdempotencyScope | null = null): Promise<NominationRecord> {
    const why = reason.trim();
    if (!why || [...why].length > ACTIVITY_RULES.text.reason) {
      throw ActivityErrors.REASON_REQUIRED({
        whatZh: '推荐理由（典型性和实效）',
        whatEn: 'what makes it typical and effective',
        max: ACTIVITY_RULES.text.reason,
      });
    }
    return this.unitOfWork.run((manager) =>
      createOnce(
        manager,
        once,
        { activityId, reason },
        () => this.insertNomination(manager, caller, activityId, why),
        (n) => n.activityId,
        (id) => manager.findOneByOrFail(NominationRecord, { activityId: id }),
      ),
    );
  }

  private async insertNomination(manager: EntityManager, caller: Caller, activityId: string, why: string): Promise<NominationRecord> {
    const activity = await this.lock(manager, caller, activityId);
    if (activity.type !== ActivityType.THEMED_PARTY_DAY || activity.status !== ActivityStatus.HELD) {
      throw ActivityErrors.NOMINATE_HELD_PARTY_DAY(undefined, { rule: 'nominate-held-party-day' });
    }
    const year = Number((activity.heldOn as string).slice(0, 4));
    const existing = await manager.findOne(NominationRecord, { where: { activityId } });
    if (existing) throw ActivityErrors.NOMINATED_ONCE({ topic: activity.topic, year: existing.year }, { rule: 'nominated-once' });
    const nomination = await manager.save(
      manager.create(NominationRecord, { activityId, year, hostPath: activity.hostPath, reason: why, nominatedBy: caller.subject }),
    );
    await recordEvent(manager, activity, ActivityEvent.NOMINATED, caller.subject, { year, reason: why });
    return nomination;
  }

  private async lock(manager: EntityManager, caller: Caller, id: string): Promise<ActivityRecord> {
    assertCanManage(caller);
    const activity = await manager.findOne(ActivityRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!activity) throw ActivityErrors.ACTIVITY_NOT_FOUND({ reference: id });
    await visibleNode(manager, caller, activity.hostId);
    return activity;
  }

  /**
   * Runs a command that records attendance. When everything else about it holds but it names
   * members this service has not heard of yet, their events are waited for (see
   * `MemberArrivals`) outside the transaction, and the command runs once more; members still
   * unknown after the wait are refused as not arrived yet, not as outsiders.
   */
  private async waitingForMembers<T>(command: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await command();
      } catch (error) {
        // Thrown only when `arrivals` is set.
        if (!(error instanceof MembersOnTheWay)) throw error;
        const unknown = attempt === 1 ? await this.arrivals!.awaitKnown(error.memberIds) : error.memberIds;
        if (unknown.length) {
          throw ActivityErrors.MEMBER_NOT_YET_KNOWN(
            { count: unknown.length, waitedSeconds: this.arrivals!.waitMs / 1000 },
            { memberIds: unknown },
          );
        }
      }
    }
  }

  private async secretaryLectured(
    manager: EntityManager,
    type: ActivityType,
    hostId: string,
    checked: { heldOn: string; lecturerMemberId: string | null },
    claimed?: boolean | null,
  ): Promise<boolean> {
    if (type !== ActivityType.PARTY_LECTURE) return false;
    const known = await lecturerIsSecretary(manager, hostId, checked.lecturerMemberId, checked.heldOn);
    // Without a secretary whose member record is known, the recorder's word is all there is.
    return known ?? Boolean(claimed);
  }

  /**
   * Checks the answers against who belongs to the hosts and against what is already recorded,
   * and sets the activity's counts (and quorum at a general meeting). Writes nothing.
   */
  private async resolveAttendance(
    manager: EntityManager,
    caller: Caller,
    activity: ActivityRecord,
    input: AttendanceInput,
    recorded: Map<string, AttendanceStatus>,
  ): Promise<ResolvedAttendance> {
    const members = await hostMembers(manager, activity.type, [activity.hostId, ...activity.coHostIds]);
    const eligible = new Map(members.map((m) => [m.id, m]));
    const { fresh, conflicts } = mergeAttendance(input.entries, recorded);
    if (conflicts.length) throw ActivityErrors.ATTENDANCE_CONFLICT({ count: conflicts.length }, { memberIds: conflicts });
    const outsiders = fresh.filter((e) => !eligible.has(e.memberId)).map((e) => e.memberId);
    if (outsiders.length) {
      const unknown = (await this.arrivals?.unknownOf(outsiders, manager)) ?? [];
      if (unknown.length) throw new MembersOnTheWay(unknown);
      await refuseUnconfirmedCoHostMembers(manager, activity, outsiders);
      const host = await visibleNode(manager, caller, activity.hostId);
      throw ActivityErrors.MEMBER_NOT_IN_HOST({ hostName: host.name, count: outsiders.length }, { memberIds: outsiders });
    }
    if (input.othersAbsent) {
      const listed = new Set([...recorded.keys(), ...fresh.map((e) => e.memberId)]);
      for (const m of members) if (!listed.has(m.id)) fresh.push({ memberId: m.id, status: AttendanceStatus.ABSENT });
    }
    const all = new Map(recorded);
    for (const e of fresh) all.set(e.memberId, e.status);
    const expected = new Set([...eligible.keys(), ...all.keys()]).size;
    Object.assign(activity, countAttendance(all.values(), expected));
    let quorum: ResolvedAttendance['quorum'] = null;
    if (activity.type === ActivityType.GENERAL_MEETING) {
      const voting = members.filter((m) => m.votingRights);
      const q = quorumOf(voting.length, voting.filter((m) => all.has(m.id) && attended(all.get(m.id) as AttendanceStatus)).length);
      activity.votingMembers = q.votingMembers;
      activity.votingAttending = q.votingAttending;
      quorum = { votingMembers: q.votingMembers, votingAttending: q.votingAttending, reached: q.reached };
    }
    const attendeeIds = [...all].filter(([, status]) => attended(status)).map(([id]) => id);
    return { fresh, quorum, attendeeIds };
  }

  /** Inserts the new answers and returns the attendance event (the caller writes it with the others). */
  private async writeAttendance(manager: EntityManager, caller: Caller, activity: ActivityRecord, resolved: ResolvedAttendance) {
    const { fresh, quorum, attendeeIds } = resolved;
    if (fresh.length) {
      await manager.query(
        `INSERT INTO attendance (activity_id, member_id, status, day, recorded_by)
         SELECT $1, u.m, u.s, $4::date, $5 FROM unnest($2::uuid[], $3::text[]) AS u(m, s)`,
        [activity.id, fresh.map((e) => e.memberId), fresh.map((e) => e.status), activity.heldOn, caller.subject],
      );
    }
    return activityEvent(activity, ActivityEvent.ATTENDANCE_RECORDED, caller.subject, { recorded: fresh.length, quorum, attendeeIds });
  }
}

/**
 * 重复登记: an exact repeat of an activity already recorded — same host, type, day (and start
 * time) and topic — is refused unless the caller says it is intended. Two identical saves at
 * the same moment queue on a lock of that combination, so the second sees the first.
 */
async function refuseRepeat(
  manager: EntityManager,
  a: { hostId: string; type: ActivityType; status: ActivityStatus; day: string; topic: string; startTime?: string | null },
  flags: { intendedDuplicate?: boolean | null },
): Promise<void> {
  if (flags.intendedDuplicate) return;
  const signature = [a.hostId, a.type, a.status, a.day, a.startTime ?? '', a.topic].join('\u001f');
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [signature]);
  const [existing]: Array<{ id: string }> = await manager.query(
    `SELECT id FROM activity
     WHERE host_id = $1 AND type = $2 AND status = $3 AND day = $4::date AND topic = $5 AND start_time IS NOT DISTINCT FROM $6
     LIMIT 1`,
    [a.hostId, a.type, a.status, a.day, a.topic, a.startTime ?? null],
  );
  if (existing) {
    throw ActivityRuleErrors.DUPLICATE_ACTIVITY({ topic: a.topic, day: a.day, existingId: existing.id }, { field: 'intendedDuplicate' });
  }
}

/** Members of a co-host that has not confirmed yet get a refusal that says who must confirm. */
async function refuseUnconfirmedCoHostMembers(manager: EntityManager, activity: ActivityRecord, outsiders: string[]): Promise<void> {
  if (!activity.pendingCoHostIds.length) return;
  const pendingMembers = new Set((await hostMembers(manager, activity.type, activity.pendingCoHostIds)).map((m) => m.id));
  const count = outsiders.filter((id) => pendingMembers.has(id)).length;
  if (!count) return;
  const names = [...(await new OrgTree(manager).nodes(activity.pendingCoHostIds)).values()].map((n) => n.name).join('、');
  throw ActivityRuleErrors.MEMBER_OF_UNCONFIRMED_CO_HOST({ count, pending: names }, { field: 'attendance' });
}

/** Attendance named members this service has not heard of: `waitingForMembers` waits for them. */
class MembersOnTheWay extends Error {
  constructor(readonly memberIds: string[]) {
    super(`${memberIds.length} member(s) not known yet`);
  }
}

interface ResolvedAttendance {
  fresh: AttendanceEntry[];
  quorum: { votingMembers: number; votingAttending: number; reached: boolean } | null;
  /** Everyone present or late, earlier answers included: the event lists them all each time. */
  attendeeIds: string[];
}

const wants = (attendance: AttendanceInput | null | undefined): attendance is AttendanceInput =>
  Boolean(attendance && (attendance.entries.length || attendance.othersAbsent));

const countsOf = (a: ActivityRecord) => ({
  expected: a.expected,
  present: a.present,
  late: a.late,
  excused: a.excused,
  absent: a.absent,
  votingMembers: a.votingMembers,
  votingAttending: a.votingAttending,
});
