import type { EntityManager } from 'typeorm';
import {
  ActivityEventData,
  ActivityEventType,
  AttendanceRecordedData,
  DuesPaidData,
  MEMBERSHIP_EVENT_VERSIONS,
  MemberEventData,
  MembershipEventType,
} from '@partybuild/contracts';
import type { EventEnvelope, HandlerEntry } from '@partybuild/events';
import { orgTreeHandlers } from '@partybuild/org-tree';
import type { AssessmentRules } from '../reference/assessment-rules';
import { duesOnTime } from '../domain/facts';
import { PioneerFact } from '../domain/pioneer';
import { pairingHandlers } from './pairing-projection';
import { markPublished } from './published';

/**
 * The facts assessment judges by, kept from the other services' events only: the organisation
 * tree (shared handlers), who belongs where, the meetings held with their attendance (counted,
 * and by member since activity version 3), which months' dues were paid when, and pairing work. An older snapshot arriving after a newer one changes nothing.
 */
async function upsertMember(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const { member: m } = event.data as unknown as MemberEventData;
  // The first month owed, as the membership service counts it (version 2); a version 1 event: the month joined.
  const duesStart = m.dues === undefined ? (m.joinedOn?.slice(0, 7) ?? null) : (m.dues?.startMonth ?? null);
  await manager.query(
    `INSERT INTO member (id, organization_id, stage, status, category, joined_on, dues_start_month, as_of)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET organization_id = EXCLUDED.organization_id, stage = EXCLUDED.stage,
       status = EXCLUDED.status, category = EXCLUDED.category, joined_on = EXCLUDED.joined_on,
       dues_start_month = EXCLUDED.dues_start_month, as_of = EXCLUDED.as_of
     WHERE member.as_of <= EXCLUDED.as_of`,
    [m.id, m.organizationId, m.stage, m.status, m.category, m.joinedOn, duesStart, event.time],
  );
}

/** Dues months paid, and the pioneer points of those paid on time (the earliest payment of a month decides). */
function duesPaid(rules: (year: number) => AssessmentRules) {
  return async (event: EventEnvelope, manager: EntityManager): Promise<void> => {
    await upsertMember(event, manager);
    const data = event.data as unknown as DuesPaidData;
    if (!data.months?.length) return;
    await manager.query(
      `INSERT INTO dues_fact (member_id, month, paid_on) SELECT $1, m, $3::date FROM unnest($2::text[]) AS m
       ON CONFLICT (member_id, month) DO UPDATE SET paid_on = least(dues_fact.paid_on, EXCLUDED.paid_on)`,
      [data.member.id, data.months, data.paidOn],
    );
    const onTime = data.months.filter((month) => duesOnTime(month, data.paidOn, rules(Number(month.slice(0, 4))).duesGraceDays));
    if (!onTime.length) return;
    await manager.query(
      `INSERT INTO pioneer_point (member_id, fact, source_id, month, points, detail)
       SELECT $1, $2, m, m, $4, $5 || m FROM unnest($3::text[]) AS m ON CONFLICT DO NOTHING`,
      [
        data.member.id,
        PioneerFact.DUES_ON_TIME,
        onTime,
        rules(Number(onTime[0].slice(0, 4))).pioneerWeights.duesOnTime,
        `按时交纳党费 ${data.paidOn}：`,
      ],
    );
  };
}

async function upsertActivity(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const { activity: a } = event.data as unknown as ActivityEventData;
  await manager.query(
    `INSERT INTO meeting_fact (activity_id, host_id, host_path, type, status, held_on, expected, attended, as_of)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (activity_id) DO UPDATE SET host_id = EXCLUDED.host_id, host_path = EXCLUDED.host_path, type = EXCLUDED.type,
       status = EXCLUDED.status, held_on = EXCLUDED.held_on, expected = EXCLUDED.expected, attended = EXCLUDED.attended,
       as_of = EXCLUDED.as_of
     WHERE meeting_fact.as_of <= EXCLUDED.as_of`,
    [a.id, a.hostId, a.hostPath, a.type, a.status, a.heldOn, a.attendance.expected, a.attendance.present + a.attendance.late, event.time],
  );
}

/**
 * Since activity version 3 the attendance event lists every attendee (present or late) by id:
 * each earns the meeting's points once, in the month it was held. Earlier versions only count,
 * so they credit nobody (and do not mark attendance as published).
 */
function attendanceRecorded(rules: (year: number) => AssessmentRules) {
  return async (event: EventEnvelope, manager: EntityManager): Promise<void> => {
    await upsertActivity(event, manager);
    const { activity: a, attendeeIds } = event.data as unknown as AttendanceRecordedData;
    if (event.schemaversion < 3 || !attendeeIds) return;
    await markPublished(manager, PioneerFact.MEETING_ATTENDED, event.time);
    if (a.status !== 'HELD' || !a.heldOn || !attendeeIds.length) return;
    await manager.query(
      `INSERT INTO pioneer_point (member_id, fact, source_id, month, points, detail)
       SELECT m, $2, $3, $4, $5, $6 FROM unnest($1::uuid[]) AS m ON CONFLICT DO NOTHING`,
      [
        attendeeIds,
        PioneerFact.MEETING_ATTENDED,
        a.id,
        a.heldOn.slice(0, 7),
        rules(Number(a.heldOn.slice(0, 4))).pioneerWeights.meetingAttended,
        `参加会议活动 ${a.heldOn}：${a.type}`,
      ],
    );
  };
}

const v1 = (handle: HandlerEntry['handle']): HandlerEntry => ({ versions: [1], handle });
const member = (handle: HandlerEntry['handle']): HandlerEntry => ({ versions: [...MEMBERSHIP_EVENT_VERSIONS], handle });

export function factHandlers(rules: (year: number) => AssessmentRules): Record<string, HandlerEntry> {
  const members = Object.fromEntries(
    Object.values(MembershipEventType).map((type) => [
      type,
      member(type === MembershipEventType.DUES_PAID ? duesPaid(rules) : upsertMember),
    ]),
  );
  // Version 1 handlers read versions 2 and 3 too (libs/events `understands`); the attendance handler looks at the version.
  const activities = Object.fromEntries(
    Object.values(ActivityEventType).map((type) => [
      type,
      v1(type === ActivityEventType.ATTENDANCE_RECORDED ? attendanceRecorded(rules) : upsertActivity),
    ]),
  );
  return { ...orgTreeHandlers, ...members, ...activities, ...pairingHandlers(rules) };
}
