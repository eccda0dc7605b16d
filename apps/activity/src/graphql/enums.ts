import { registerEnumType } from 'type-graphql';
import { ActivityStatus, ActivityType, AttendanceStatus, Frequency, Requirement, SlotStatus } from '../domain/activity-type';

registerEnumType(ActivityType, {
  name: 'ActivityType',
  description: '组织生活类型 — kind of activity (the first four are 三会一课)',
  valuesConfig: {
    GENERAL_MEETING: { description: '支部党员大会 — branch general meeting' },
    COMMITTEE_MEETING: { description: '支委会 — branch committee meeting' },
    PARTY_GROUP_MEETING: { description: '党小组会 — Party group meeting' },
    PARTY_LECTURE: { description: '党课 — Party lecture' },
    THEMED_PARTY_DAY: { description: '主题党日 — themed Party day' },
    ORGANIZATIONAL_LIFE_MEETING: { description: '组织生活会 — organisational life meeting' },
    DEMOCRATIC_LIFE_MEETING: { description: '民主生活会 — democratic life meeting of a leadership group' },
    STUDY: { description: '学习 — study session' },
    TRAINING: { description: '培训/夜校 — training or evening school' },
    VOLUNTEER_SERVICE: { description: '志愿服务/社区服务 — volunteer or community service' },
    JOINT_ACTIVITY: { description: '联建活动 — joint activity with other organisations' },
  },
});

registerEnumType(ActivityStatus, {
  name: 'ActivityStatus',
  description: '活动状态',
  valuesConfig: {
    PLANNED: { description: '计划中 — planned' },
    HELD: { description: '已开展 — held and recorded' },
    CANCELLED: { description: '已取消 — cancelled' },
  },
});

registerEnumType(AttendanceStatus, {
  name: 'AttendanceStatus',
  description: '出勤情况',
  valuesConfig: {
    PRESENT: { description: '出席 — present' },
    EXCUSED: { description: '请假 — excused leave' },
    ABSENT: { description: '缺席 — absent' },
    LATE: { description: '迟到 — late' },
  },
});

registerEnumType(Frequency, {
  name: 'ActivityFrequency',
  description: '频次 — how often a requirement recurs',
  valuesConfig: {
    MONTHLY: { description: '每月 — monthly' },
    QUARTERLY: { description: '每季度 — quarterly' },
    YEARLY: { description: '每年 — yearly' },
  },
});

registerEnumType(Requirement, {
  name: 'ActivityRequirement',
  description: '组织生活要求 — what compliance checks',
  valuesConfig: {
    GENERAL_MEETING: { description: '支部党员大会 (default: once a quarter)' },
    COMMITTEE_MEETING: { description: '支委会 (default: once a month, branches with a committee)' },
    PARTY_GROUP_MEETING: { description: '党小组会 (default: once a month, each Party group)' },
    PARTY_LECTURE: { description: '党课 (default: once a quarter)' },
    SECRETARY_LECTURE: { description: '书记讲党课 (default: once a year)' },
    THEMED_PARTY_DAY: { description: '主题党日 (default: once a month)' },
    ORGANIZATIONAL_LIFE_MEETING: { description: '组织生活会 (default: once a year)' },
    DEMOCRATIC_LIFE_MEETING: { description: '民主生活会 (default: once a year, Party committees)' },
  },
});

registerEnumType(SlotStatus, {
  name: 'ComplianceStatus',
  description: '落实情况',
  valuesConfig: {
    SATISFIED: { description: '已落实 — held as required' },
    DUE: { description: '待落实 — still open, due by dueBy' },
    MISSING: { description: '未落实 — its period ended without it' },
  },
});
