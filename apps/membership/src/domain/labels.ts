import { DevelopmentStage, MemberStatus, TransferState } from './member-kinds';

/** What party-affairs workers call each stage, status and transfer state, for messages. */
export const STAGE_LABELS: Record<DevelopmentStage, string> = {
  [DevelopmentStage.APPLICANT]: '入党申请人',
  [DevelopmentStage.ACTIVIST]: '入党积极分子',
  [DevelopmentStage.CANDIDATE]: '发展对象',
  [DevelopmentStage.PROBATIONARY]: '预备党员',
  [DevelopmentStage.FULL]: '正式党员',
};

export const STATUS_LABELS: Record<MemberStatus, string> = {
  [MemberStatus.ACTIVE]: '正常',
  [MemberStatus.TRANSFERRED_OUT]: '已转出',
  [MemberStatus.LOST_CONTACT]: '失联',
  [MemberStatus.FLOATING]: '流动',
  [MemberStatus.DECEASED]: '已去世',
  [MemberStatus.EXPELLED]: '已除名',
};

export const TRANSFER_STATE_LABELS: Record<TransferState, string> = {
  [TransferState.PENDING]: '待接收',
  [TransferState.ACCEPTED]: '已接收',
  [TransferState.REJECTED]: '已退回',
  [TransferState.EXPIRED]: '已过期',
  [TransferState.LEFT_DISTRICT]: '已转出本区',
};
