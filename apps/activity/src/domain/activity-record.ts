import { ActivityStatus, ActivityType } from './activity-type';
import { addDays, addYears } from '@partybuild/calendar';
import { checkDayWithin, checkNumberWithin } from '@partybuild/errors';
import { ACTIVITY_RULES, DEFAULT_DATE_LIMITS, DateLimits } from '../reference/activity-rules';
import { ActivityErrors, FIELD_LABELS } from '../errors';

export interface Lecturer {
  name: string;
  memberId?: string | null;
}

export interface Attachment {
  name: string;
  sizeBytes: number;
  sha256: string;
}

export interface HeldRecord {
  heldOn: string;
  startTime?: string | null;
  place?: string | null;
  topic: string;
  lecturer?: Lecturer | null;
  minutes?: string | null;
  businessLink?: string | null;
  attachments?: Attachment[] | null;
}

const text = (value: string | null | undefined, field: string, max: number, required = false): string | null => {
  const trimmed = value?.trim() ?? '';
  if (!trimmed) {
    if (required) throw ActivityErrors.TEXT_REQUIRED({ field, fieldZh: FIELD_LABELS[field] ?? field }, { field });
    return null;
  }
  const length = [...trimmed].length;
  if (length > max) throw ActivityErrors.TEXT_TOO_LONG({ field, fieldZh: FIELD_LABELS[field] ?? field, max, length }, { field });
  return trimmed;
};

export const checkTopic = (topic: string): string => text(topic, 'topic', ACTIVITY_RULES.text.topic, true) as string;

/** The record of a held activity, checked: not in the future, a lecture has its lecturer, texts within limits. */
export function checkHeldRecord(type: ActivityType, record: HeldRecord, today: string, limits: DateLimits = DEFAULT_DATE_LIMITS) {
  if (record.heldOn > today) throw ActivityErrors.HELD_IN_FUTURE({ heldOn: record.heldOn, today }, { field: 'heldOn' });
  checkDayWithin('heldOn', '开展日期', record.heldOn, { earliest: addYears(today, -limits.heldYearsBack), latest: today });
  if (record.startTime != null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(record.startTime)) {
    throw ActivityErrors.START_TIME_INVALID({ value: record.startTime });
  }
  const lecturerName = record.lecturer?.name?.trim() || null;
  if (type === ActivityType.PARTY_LECTURE && !lecturerName) throw ActivityErrors.LECTURER_REQUIRED(undefined, { field: 'lecturer' });
  const attachments = record.attachments ?? [];
  if (attachments.length > ACTIVITY_RULES.attachment.maxCount) {
    throw ActivityErrors.TOO_MANY_ATTACHMENTS({ max: ACTIVITY_RULES.attachment.maxCount, given: attachments.length });
  }
  for (const a of attachments) {
    if (!a.name.trim() || !ACTIVITY_RULES.attachment.hashPattern.test(a.sha256)) {
      throw ActivityErrors.ATTACHMENT_INVALID({ name: a.name });
    }
    checkNumberWithin('attachments.sizeBytes', `附件“${a.name.trim()}”的大小（字节）`, a.sizeBytes, {
      min: 0,
      max: ACTIVITY_RULES.attachment.maxSizeBytes,
    });
  }
  return {
    heldOn: record.heldOn,
    startTime: record.startTime ?? null,
    place: text(record.place, 'place', ACTIVITY_RULES.text.place),
    topic: checkTopic(record.topic),
    lecturerName,
    lecturerMemberId: lecturerName ? (record.lecturer?.memberId ?? null) : null,
    minutes: text(record.minutes, 'minutes', ACTIVITY_RULES.text.minutes),
    businessLink: text(record.businessLink, 'businessLink', ACTIVITY_RULES.text.businessLink),
    attachments: attachments.map((a) => ({ name: a.name.trim(), sizeBytes: a.sizeBytes, sha256: a.sha256 })),
  };
}

/** The day an activity is planned for: not long past (a plan entered late), not years ahead. */
export function checkPlannedOn(plannedOn: string, today: string, limits: DateLimits = DEFAULT_DATE_LIMITS): string {
  return checkDayWithin('plannedOn', '计划日期', plannedOn, {
    earliest: addDays(today, -limits.plannedDaysBack),
    latest: addYears(today, limits.plannedYearsAhead),
  });
}

/** Only a planned activity may become held or cancelled. */
export function assertPlanned(status: ActivityStatus, topic: string): void {
  if (status === ActivityStatus.CANCELLED) throw ActivityErrors.ACTIVITY_CANCELLED({ topic });
  if (status === ActivityStatus.HELD) throw ActivityErrors.ACTIVITY_ALREADY_HELD({ topic });
}
