import { ActivityStatus, ActivityType } from './activity-type';
import { ACTIVITY_RULES } from '../reference/activity-rules';
import { ActivityAlreadyHeldError, ActivityCancelledError, HeldInFutureError, InvalidInputError, LecturerRequiredError } from '../errors';

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
    if (required) throw new InvalidInputError(field, `Give the ${field} of the activity.`);
    return null;
  }
  if ([...trimmed].length > max) throw new InvalidInputError(field, `The ${field} is longer than ${max} characters.`);
  return trimmed;
};

export const checkTopic = (topic: string): string => text(topic, 'topic', ACTIVITY_RULES.text.topic, true) as string;

/** The record of a held activity, checked: not in the future, a lecture has its lecturer, texts within limits. */
export function checkHeldRecord(type: ActivityType, record: HeldRecord, today: string) {
  if (record.heldOn > today) throw new HeldInFutureError(record.heldOn, today);
  if (record.startTime != null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(record.startTime)) {
    throw new InvalidInputError('startTime', `"${record.startTime}" is not a time of day; write it as HH:MM, e.g. 14:30.`);
  }
  const lecturerName = record.lecturer?.name?.trim() || null;
  if (type === ActivityType.PARTY_LECTURE && !lecturerName) throw new LecturerRequiredError();
  const attachments = record.attachments ?? [];
  if (attachments.length > ACTIVITY_RULES.attachment.maxCount) {
    throw new InvalidInputError('attachments', `At most ${ACTIVITY_RULES.attachment.maxCount} attachments.`);
  }
  for (const a of attachments) {
    if (!a.name.trim() || !Number.isInteger(a.sizeBytes) || a.sizeBytes < 0 || !ACTIVITY_RULES.attachment.hashPattern.test(a.sha256)) {
      throw new InvalidInputError('attachments', `Attachment “${a.name}” needs a name, a size in bytes and a SHA-256 (64 hex digits).`);
    }
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

/** Only a planned activity may become held or cancelled. */
export function assertPlanned(status: ActivityStatus, topic: string): void {
  if (status === ActivityStatus.CANCELLED) throw new ActivityCancelledError(topic);
  if (status === ActivityStatus.HELD) throw new ActivityAlreadyHeldError(topic);
}
