import { DevelopmentStage } from './member-kinds';

/** The 25 steps of 发展党员工作细则 (2014), in order. */
export enum DevelopmentStep {
  APPLICATION_SUBMITTED = 'APPLICATION_SUBMITTED',
  APPLICANT_TALK = 'APPLICANT_TALK',
  ACTIVIST_DESIGNATED = 'ACTIVIST_DESIGNATED',
  ACTIVIST_FILED = 'ACTIVIST_FILED',
  CONTACTS_ASSIGNED = 'CONTACTS_ASSIGNED',
  ACTIVIST_REVIEWED = 'ACTIVIST_REVIEWED',
  CANDIDATE_DESIGNATED = 'CANDIDATE_DESIGNATED',
  CANDIDATE_FILED = 'CANDIDATE_FILED',
  INTRODUCERS_ASSIGNED = 'INTRODUCERS_ASSIGNED',
  POLITICAL_REVIEW = 'POLITICAL_REVIEW',
  TRAINING_COMPLETED = 'TRAINING_COMPLETED',
  BRANCH_COMMITTEE_REVIEW = 'BRANCH_COMMITTEE_REVIEW',
  SUPERIOR_PRE_REVIEW = 'SUPERIOR_PRE_REVIEW',
  APPLICATION_FORM_FILLED = 'APPLICATION_FORM_FILLED',
  ADMISSION_VOTE = 'ADMISSION_VOTE',
  SUPERIOR_TALK = 'SUPERIOR_TALK',
  ADMITTED_AS_PROBATIONARY = 'ADMITTED_AS_PROBATIONARY',
  ADMISSION_FILED = 'ADMISSION_FILED',
  ASSIGNED_TO_GROUP = 'ASSIGNED_TO_GROUP',
  OATH_TAKEN = 'OATH_TAKEN',
  PROBATION_EDUCATION = 'PROBATION_EDUCATION',
  CONVERSION_APPLIED = 'CONVERSION_APPLIED',
  CONVERSION_VOTE = 'CONVERSION_VOTE',
  CONVERTED_TO_FULL = 'CONVERTED_TO_FULL',
  RECORDS_ARCHIVED = 'RECORDS_ARCHIVED',
  /** Decisions recorded in the history beside the 25 steps (not steps of their own). */
  PROBATION_EXTENDED = 'PROBATION_EXTENDED',
  PROBATION_CANCELLED = 'PROBATION_CANCELLED',
}

export interface StepDefinition {
  step: DevelopmentStep;
  /** 1–25 */
  ordinal: number;
  label: string;
  /** The stage this step belongs to (发展阶段). */
  stage: DevelopmentStage;
  /** The stage a person enters when the step is recorded, if it moves them. */
  entersStage?: DevelopmentStage;
  /** Recorded again and again (e.g. the half-yearly review of an activist). */
  repeatable?: boolean;
}

const S = DevelopmentStage;
const def = (step: DevelopmentStep, label: string, stage: DevelopmentStage, extra: Partial<StepDefinition> = {}) => ({
  step,
  label,
  stage,
  ...extra,
});

/** In order; `ordinal` is the position. */
export const STEPS: readonly StepDefinition[] = [
  def(DevelopmentStep.APPLICATION_SUBMITTED, '递交入党申请书 — written application', S.APPLICANT),
  def(DevelopmentStep.APPLICANT_TALK, '党组织派人谈话 — talk with the applicant', S.APPLICANT),
  def(DevelopmentStep.ACTIVIST_DESIGNATED, '推荐和确定入党积极分子 — designated an activist', S.ACTIVIST, { entersStage: S.ACTIVIST }),
  def(DevelopmentStep.ACTIVIST_FILED, '上级党委备案 — activist filed with the superior committee', S.ACTIVIST),
  def(DevelopmentStep.CONTACTS_ASSIGNED, '指定培养联系人 — contacts assigned', S.ACTIVIST),
  def(DevelopmentStep.ACTIVIST_REVIEWED, '培养教育考察 — half-yearly review of the activist', S.ACTIVIST, { repeatable: true }),
  def(DevelopmentStep.CANDIDATE_DESIGNATED, '确定发展对象 — designated a candidate', S.CANDIDATE, { entersStage: S.CANDIDATE }),
  def(DevelopmentStep.CANDIDATE_FILED, '报上级党委备案 — candidate filed with the superior committee', S.CANDIDATE),
  def(DevelopmentStep.INTRODUCERS_ASSIGNED, '确定入党介绍人 — two introducers', S.CANDIDATE),
  def(DevelopmentStep.POLITICAL_REVIEW, '进行政治审查 — political review', S.CANDIDATE),
  def(DevelopmentStep.TRAINING_COMPLETED, '开展集中培训 — concentrated training', S.CANDIDATE),
  def(DevelopmentStep.BRANCH_COMMITTEE_REVIEW, '支部委员会审查（含公示） — branch committee review and public notice', S.PROBATIONARY),
  def(DevelopmentStep.SUPERIOR_PRE_REVIEW, '上级党委预审 — pre-review by the superior committee', S.PROBATIONARY),
  def(DevelopmentStep.APPLICATION_FORM_FILLED, '填写入党志愿书 — application form filled in', S.PROBATIONARY),
  def(DevelopmentStep.ADMISSION_VOTE, '支部大会讨论 — branch general meeting votes on admission', S.PROBATIONARY),
  def(DevelopmentStep.SUPERIOR_TALK, '上级党委派人谈话 — talk by the superior committee', S.PROBATIONARY),
  def(DevelopmentStep.ADMITTED_AS_PROBATIONARY, '上级党委审批 — superior committee approves admission', S.PROBATIONARY, {
    entersStage: S.PROBATIONARY,
  }),
  def(DevelopmentStep.ADMISSION_FILED, '再上级党委组织部门备案 — admission filed further up', S.PROBATIONARY),
  def(DevelopmentStep.ASSIGNED_TO_GROUP, '编入党支部和党小组 — placed in the branch and a Party group', S.FULL),
  def(DevelopmentStep.OATH_TAKEN, '入党宣誓 — oath', S.FULL),
  def(DevelopmentStep.PROBATION_EDUCATION, '继续教育考察 — education during probation', S.FULL, { repeatable: true }),
  def(DevelopmentStep.CONVERSION_APPLIED, '提出转正申请 — application for full membership', S.FULL),
  def(DevelopmentStep.CONVERSION_VOTE, '支部大会讨论转正 — branch general meeting votes on conversion', S.FULL),
  def(DevelopmentStep.CONVERTED_TO_FULL, '上级党委审批转正 — superior committee approves conversion', S.FULL, { entersStage: S.FULL }),
  def(DevelopmentStep.RECORDS_ARCHIVED, '材料归档 — records archived', S.FULL),
].map((d, i) => ({ ...d, ordinal: i + 1 }));

export const stepDefinition = (step: DevelopmentStep): StepDefinition => STEPS.find((s) => s.step === step)!;
export const stepAt = (ordinal: number): StepDefinition | undefined => STEPS[ordinal - 1];

/**
 * Where a record that did not go through the pipeline here (imported, registered mid-way)
 * stands: the last step implied by its stage.
 */
export const LAST_STEP_OF_ENTRY: Record<DevelopmentStage, number> = {
  [S.APPLICANT]: 0,
  [S.ACTIVIST]: 3,
  [S.CANDIDATE]: 7,
  [S.PROBATIONARY]: 18,
  [S.FULL]: 25,
};
