import { registerEnumType } from 'type-graphql';
import { DevelopmentStage, Gender, MemberCategory, MemberStatus, TransferState } from '../domain/member-kinds';
import { DevelopmentStep, STEPS } from '../domain/development-step';
import { DueKind } from '../domain/due-next';

registerEnumType(DevelopmentStage, {
  name: 'DevelopmentStage',
  description: '发展阶段 — stage of development',
  valuesConfig: {
    APPLICANT: { description: '入党申请人 — applicant' },
    ACTIVIST: { description: '入党积极分子 — activist' },
    CANDIDATE: { description: '发展对象 — candidate for development' },
    PROBATIONARY: { description: '预备党员 — probationary member' },
    FULL: { description: '正式党员 — full member' },
  },
});

registerEnumType(DevelopmentStep, {
  name: 'DevelopmentStep',
  description: '发展党员25个步骤 — the 25 steps of member development (2014), in order',
  valuesConfig: {
    ...Object.fromEntries(STEPS.map((s) => [s.step, { description: `${s.ordinal}. ${s.label}` }])),
    PROBATION_EXTENDED: { description: '延长预备期 — probation extended (a decision, not one of the 25 steps)' },
    PROBATION_CANCELLED: { description: '取消预备党员资格 — probationary qualification cancelled (a decision)' },
  },
});

registerEnumType(MemberStatus, {
  name: 'MemberStatus',
  description: '党员状态 — status besides the stage',
  valuesConfig: {
    ACTIVE: { description: '正常 — active' },
    TRANSFERRED_OUT: { description: '已转出本区 — transferred out of the district' },
    LOST_CONTACT: { description: '失联 — lost contact' },
    FLOATING: { description: '流动党员 — working away from home' },
    DECEASED: { description: '去世 — deceased' },
    EXPELLED: { description: '开除/除名 — expelled or removed' },
  },
});

registerEnumType(MemberCategory, {
  name: 'MemberCategory',
  description: '人员类别 — category (decides the dues bracket)',
  valuesConfig: {
    IN_SERVICE: { description: '在职 — in service' },
    RETIRED: { description: '离退休 — retired' },
    FARMER: { description: '农民 — farmer' },
    STUDENT: { description: '学生 — student' },
    UNEMPLOYED: { description: '下岗失业 — unemployed' },
    OTHER: { description: '其他 — other (e.g. subsistence allowance)' },
  },
});

registerEnumType(Gender, {
  name: 'Gender',
  description: '性别',
  valuesConfig: { MALE: { description: '男 — male' }, FEMALE: { description: '女 — female' } },
});

registerEnumType(TransferState, {
  name: 'TransferState',
  description: '转接状态 — state of a transfer',
  valuesConfig: {
    PENDING: { description: '待接收 — issued, not yet accepted' },
    ACCEPTED: { description: '已接收 — accepted by the receiving branch' },
    REJECTED: { description: '已退回 — rejected' },
    EXPIRED: { description: '已过期 — the letter expired' },
    LEFT_DISTRICT: { description: '转出本区 — left the district' },
  },
});

registerEnumType(DueKind, {
  name: 'DueKind',
  description: '发展党员待办 — development work due',
  valuesConfig: {
    ACTIVIST_REVIEW_DUE: { description: '积极分子半年考察到期 — half-yearly review of an activist due' },
    READY_FOR_CANDIDATE: { description: '可确定为发展对象 — activist for a year: may become a candidate' },
    READY_FOR_ADMISSION_VOTE: { description: '待支部大会讨论 — candidate ready for the branch vote' },
    PROBATION_ENDING: { description: '预备期即将期满 — probation ending' },
    APPROVAL_OVERDUE: { description: '上级审批逾期 — superior approval overdue (3 months)' },
  },
});
