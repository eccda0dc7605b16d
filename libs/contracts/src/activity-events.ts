/**
 * The events of the activity service on topic `partybuild.activity`, keyed by the activity id.
 * They carry what statistics and assessment need (type, host and its ancestor path in the
 * envelope's `organizationpath`, period, counts) and no personal data: attendance is counted,
 * and since version 3 `activity.attendance-recorded` lists who attended by member id (never a name).
 */
export const ACTIVITY_TOPIC = 'partybuild.activity';

/**
 * Version 3 adds `attendeeIds` to `activity.attendance-recorded`. Readers of version 2 read it as
 * is (the field may be ignored); a reader that uses the list treats its absence (versions 1
 * and 2) as "not listed", never as "nobody attended".
 */
export const ACTIVITY_SCHEMA_VERSION = 3;

export const ActivityEventType = {
  PLANNED: 'activity.planned',
  HELD: 'activity.held',
  CANCELLED: 'activity.cancelled',
  ATTENDANCE_RECORDED: 'activity.attendance-recorded',
  NOMINATED: 'activity.nominated',
  /** A co-host named outside the recorder's scope confirmed the joint activity: it now counts for the co-host too. */
  CO_HOST_CONFIRMED: 'activity.co-host-confirmed',
} as const;

/** Attendance of one activity, counted. */
export interface AttendanceCounts {
  /** Members of the host(s) expected to attend (应到). */
  expected: number;
  present: number;
  late: number;
  excused: number;
  absent: number;
}

/** The activity as statistics and assessment need it, as of the event. */
export interface ActivitySnapshot {
  id: string;
  /** GENERAL_MEETING, COMMITTEE_MEETING, PARTY_GROUP_MEETING, PARTY_LECTURE, THEMED_PARTY_DAY,
   *  ORGANIZATIONAL_LIFE_MEETING, DEMOCRATIC_LIFE_MEETING, STUDY, TRAINING, VOLUNTEER_SERVICE, JOINT_ACTIVITY */
  type: string;
  /** PLANNED, HELD, CANCELLED */
  status: string;
  hostId: string;
  /** The host's ancestors, root first, the host itself last (also the envelope's organizationpath). */
  hostPath: string[];
  coHostIds: string[];
  plannedOn: string | null;
  heldOn: string | null;
  /** `YYYY-MM` of the day held (or planned, while planned): the month statistics count it in. */
  period: string;
  /** 党建+业务: the business work it served, when given. */
  businessLink: string | null;
  /** For a Party lecture: whether the lecturer was the host's secretary at the time. */
  lecturerIsSecretary: boolean;
  attendance: AttendanceCounts;
}

export interface ActivityEventData {
  activity: ActivitySnapshot;
}

export interface ActivityCancelledData extends ActivityEventData {
  reason: string;
}

export interface AttendanceRecordedData extends ActivityEventData {
  /** Members whose attendance this call recorded (counts only). */
  recorded: number;
  /** At a general meeting: members with voting rights, of them attending, and whether quorum was reached. */
  quorum: { votingMembers: number; votingAttending: number; reached: boolean } | null;
  /** Since version 3: every member recorded present or late so far (the whole list each time), by id. */
  attendeeIds?: string[];
}

export interface ActivityNominatedData extends ActivityEventData {
  year: number;
  reason: string;
}
