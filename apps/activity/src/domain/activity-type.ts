/** The kinds of organisational life (docs/domain.md §3); the first four are 三会一课. */
export enum ActivityType {
  /** 支部党员大会 */
  GENERAL_MEETING = 'GENERAL_MEETING',
  /** 支委会 */
  COMMITTEE_MEETING = 'COMMITTEE_MEETING',
  /** 党小组会 */
  PARTY_GROUP_MEETING = 'PARTY_GROUP_MEETING',
  /** 党课 */
  PARTY_LECTURE = 'PARTY_LECTURE',
  /** 主题党日 */
  THEMED_PARTY_DAY = 'THEMED_PARTY_DAY',
  /** 组织生活会 (with 民主评议党员) */
  ORGANIZATIONAL_LIFE_MEETING = 'ORGANIZATIONAL_LIFE_MEETING',
  /** 民主生活会 — of a leadership group */
  DEMOCRATIC_LIFE_MEETING = 'DEMOCRATIC_LIFE_MEETING',
  /** 学习 */
  STUDY = 'STUDY',
  /** 培训 / 夜校 */
  TRAINING = 'TRAINING',
  /** 志愿服务 / 社区服务 */
  VOLUNTEER_SERVICE = 'VOLUNTEER_SERVICE',
  /** 联建活动 — with other organisations, e.g. a paired village branch */
  JOINT_ACTIVITY = 'JOINT_ACTIVITY',
}

export enum ActivityStatus {
  PLANNED = 'PLANNED',
  HELD = 'HELD',
  CANCELLED = 'CANCELLED',
}

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  /** 请假 */
  EXCUSED = 'EXCUSED',
  ABSENT = 'ABSENT',
  LATE = 'LATE',
}

/** How often a requirement recurs, and how a slot stands: one definition shared with the statistics. */
export { Frequency, SlotStatus } from '@partybuild/compliance';

/** What a compliance requirement asks for: an activity type, or the secretary's own lecture. */
export enum Requirement {
  GENERAL_MEETING = 'GENERAL_MEETING',
  COMMITTEE_MEETING = 'COMMITTEE_MEETING',
  PARTY_GROUP_MEETING = 'PARTY_GROUP_MEETING',
  PARTY_LECTURE = 'PARTY_LECTURE',
  /** 书记每年至少讲一次党课 */
  SECRETARY_LECTURE = 'SECRETARY_LECTURE',
  THEMED_PARTY_DAY = 'THEMED_PARTY_DAY',
  ORGANIZATIONAL_LIFE_MEETING = 'ORGANIZATIONAL_LIFE_MEETING',
  DEMOCRATIC_LIFE_MEETING = 'DEMOCRATIC_LIFE_MEETING',
}

/** Who attends are Party members: stages that hold a seat in organisational life. */
export const ATTENDING_STAGES = ['PROBATIONARY', 'FULL'] as const;
/** Member statuses that no longer belong to the branch's organisational life. */
export const GONE_STATUSES = ['TRANSFERRED_OUT', 'DECEASED', 'EXPELLED'] as const;
