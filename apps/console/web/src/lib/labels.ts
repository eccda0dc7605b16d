/** Chinese labels of the graph's enum values, as the people who keep the records say them. */
export const ACTIVITY_TYPES: Record<string, string> = {
  GENERAL_MEETING: '支部党员大会',
  COMMITTEE_MEETING: '支委会',
  PARTY_GROUP_MEETING: '党小组会',
  PARTY_LECTURE: '党课',
  THEMED_PARTY_DAY: '主题党日',
  ORGANIZATIONAL_LIFE_MEETING: '组织生活会',
  DEMOCRATIC_LIFE_MEETING: '民主生活会',
  STUDY: '学习',
  TRAINING: '培训/夜校',
  VOLUNTEER_SERVICE: '志愿服务',
  JOINT_ACTIVITY: '联建活动',
};

export const ATTENDANCE: Record<string, string> = { PRESENT: '出席', LATE: '迟到', EXCUSED: '请假', ABSENT: '缺席' };

export const STAGES: Record<string, string> = {
  APPLICANT: '入党申请人',
  ACTIVIST: '入党积极分子',
  CANDIDATE: '发展对象',
  PROBATIONARY: '预备党员',
  FULL: '正式党员',
};

export const CATEGORIES: Record<string, string> = {
  IN_SERVICE: '在职',
  RETIRED: '离退休',
  FARMER: '农民',
  STUDENT: '学生',
  UNEMPLOYED: '下岗失业',
  OTHER: '其他',
};

export const GENDERS: Record<string, string> = { MALE: '男', FEMALE: '女' };

export const KINDS: Record<string, string> = {
  WORKING_COMMITTEE: '机关工委',
  PARTY_COMMITTEE: '党委',
  GENERAL_BRANCH: '党总支',
  BRANCH: '党支部',
  JOINT_BRANCH: '联合党支部',
  TEMPORARY_ORGANIZATION: '临时党组织',
  PARTY_GROUP: '党小组',
};

export const ROLES: Record<string, string> = {
  'district-admin': '区委组织部',
  'party-cadre': '党务干部',
  member: '党员',
  analyst: '统计分析',
};

/** Kinds that hold members and meetings of their own. */
export const BRANCH_KINDS = new Set(['BRANCH', 'JOINT_BRANCH', 'TEMPORARY_ORGANIZATION']);

export const label = (table: Record<string, string>, key: string): string => table[key] ?? key;

export const DUE_KINDS: Record<string, string> = {
  ACTIVIST_REVIEW_DUE: '积极分子半年考察到期',
  READY_FOR_CANDIDATE: '可确定为发展对象',
  READY_FOR_ADMISSION_VOTE: '可提交支部大会讨论接收',
  PROBATION_ENDING: '预备期即将期满',
  APPROVAL_OVERDUE: '上级党委审批逾期',
};

export const REQUIREMENTS: Record<string, string> = {
  GENERAL_MEETING: '支部党员大会',
  COMMITTEE_MEETING: '支委会',
  PARTY_GROUP_MEETING: '党小组会',
  PARTY_LECTURE: '党课',
  SECRETARY_LECTURE: '书记讲党课',
  THEMED_PARTY_DAY: '主题党日',
  ORGANIZATIONAL_LIFE_MEETING: '组织生活会',
  DEMOCRATIC_LIFE_MEETING: '民主生活会',
};

/** 民主评议党员 grades. */
export const APPRAISAL_GRADES: Record<string, string> = {
  EXCELLENT: '优秀',
  QUALIFIED: '合格',
  BASICALLY_QUALIFIED: '基本合格',
  UNQUALIFIED: '不合格',
};

/** 送/带: what a pair delivers. */
export const SERVICE_TYPES: Record<string, string> = {
  PARTY_LESSON: '送党课',
  LEGAL: '送法律',
  HEALTH: '送卫生',
  WARMTH: '送温暖',
  TECHNOLOGY: '送科技',
  IDEAS: '带思路',
  TEAM: '带队伍',
  PROJECT: '带项目',
  SKILLS: '带技术',
};
