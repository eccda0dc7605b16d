import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { TextField, LocalDateScalar, PageArgs } from '@partybuild/federation';
import { DevelopmentStage, Gender, MemberCategory, MemberStatus } from '../domain/member-kinds';
import { DevelopmentStep } from '../domain/development-step';
import { RECORD_RULES } from '../reference/membership-rules';
import './enums';

const TEXT = RECORD_RULES.text;

@InputType({ description: '登记人员 — a new person record' })
export class RegisterMemberInput {
  @Field(() => ID, { description: 'The branch holding the record.' })
  organizationId: string;

  @Field(() => ID, { nullable: true, description: 'A Party group of that branch.' })
  partyGroupId?: string | null;

  @TextField(RECORD_RULES.name.maxLength, { description: '姓名 — name' })
  name: string;

  @TextField(TEXT.idNumber, { description: '身份证号 — 18 characters, GB 11643 check character; birth date and gender are read from it' })
  idNumber: string;

  @Field(() => Gender, { nullable: true, description: 'Checked against the ID number when given.' })
  gender?: Gender | null;

  @TextField(TEXT.ethnicity, { nullable: true, description: '民族 — ethnicity' })
  ethnicity?: string | null;

  @TextField(TEXT.education, { nullable: true, description: '学历 — education' })
  education?: string | null;

  @TextField(TEXT.phone, { nullable: true, description: '联系电话 — phone' })
  phone?: string | null;

  @TextField(TEXT.workUnit, { nullable: true, description: '工作单位 — work unit' })
  workUnit?: string | null;

  @TextField(TEXT.post, { nullable: true, description: '职务 — post' })
  post?: string | null;

  @Field(() => MemberCategory)
  category: MemberCategory;

  @Field(() => DevelopmentStage, {
    defaultValue: DevelopmentStage.APPLICANT,
    description: 'APPLICANT to start development here; another stage for an existing record.',
  })
  stage: DevelopmentStage;

  @Field(() => LocalDateScalar, { nullable: true })
  activistSince?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  candidateSince?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  joinedOn?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  fullMemberSince?: string | null;

  @Field(() => Int, { nullable: true, description: '党费基数（分）' })
  duesBaseFen?: number | null;

  @Field(() => String, { nullable: true, description: '党费交至 YYYY-MM — settled up to this month' })
  duesPaidThrough?: string | null;
}

@InputType({ description: 'Changes to a person record; omitted fields stay. The branch changes only by transfer.' })
export class UpdateMemberInput {
  @TextField(RECORD_RULES.name.maxLength, { nullable: true, description: '姓名 — name' })
  name?: string;

  @TextField(TEXT.ethnicity, { nullable: true, description: '民族 — ethnicity' })
  ethnicity?: string | null;

  @TextField(TEXT.education, { nullable: true, description: '学历 — education' })
  education?: string | null;

  @TextField(TEXT.phone, { nullable: true, description: '联系电话 — phone' })
  phone?: string | null;

  @TextField(TEXT.workUnit, { nullable: true, description: '工作单位 — work unit' })
  workUnit?: string | null;

  @TextField(TEXT.post, { nullable: true, description: '职务 — post' })
  post?: string | null;

  @Field(() => MemberCategory, { nullable: true })
  category?: MemberCategory;

  @Field(() => ID, { nullable: true })
  partyGroupId?: string | null;

  @Field(() => Int, { nullable: true })
  duesBaseFen?: number | null;
}

@InputType({ description: '表决 — a branch general meeting vote' })
export class VoteInput {
  @Field(() => Int, { description: '有表决权的正式党员数 — members with voting rights' })
  eligibleVoters: number;

  @Field(() => Int, { description: '实到有表决权党员数 — of them present' })
  present: number;

  @Field(() => Int, { description: '赞成票 — votes for' })
  votesFor: number;
}

@InputType({ description: '记录发展步骤 — one development step with what it requires' })
export class DevelopmentStepInput {
  @Field(() => DevelopmentStep)
  step: DevelopmentStep;

  @Field(() => LocalDateScalar, { description: 'The day of the step.' })
  on: string;

  @Field(() => [ID], { nullable: true, description: '培养联系人 (CONTACTS_ASSIGNED): 1–2 full members' })
  contactIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: '入党介绍人 (INTRODUCERS_ASSIGNED): two full members' })
  introducerIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: '培训天数 (TRAINING_COMPLETED)' })
  trainingDays?: number | null;

  @Field(() => Int, { nullable: true, description: '培训学时 (TRAINING_COMPLETED)' })
  trainingHours?: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '公示开始 (BRANCH_COMMITTEE_REVIEW); the review day when omitted' })
  noticeStartsOn?: string | null;

  @Field(() => VoteInput, { nullable: true, description: 'ADMISSION_VOTE and CONVERSION_VOTE' })
  vote?: VoteInput | null;

  @TextField(TEXT.notes, { nullable: true, description: '备注 — notes' })
  notes?: string | null;
}

@InputType({ description: '开具组织关系介绍信 — issue a transfer' })
export class IssueTransferInput {
  @Field(() => ID)
  memberId: string;

  @Field(() => ID, { nullable: true, description: 'The receiving branch in the district; omit when leaving the district.' })
  toOrganizationId?: string | null;

  @TextField(TEXT.destination, { nullable: true, description: '转往单位 — out of the district: the receiving organisation' })
  destination?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  issuedOn?: string | null;
}

@InputType({ description: '交纳党费 — a payment for one or more months' })
export class DuesPaymentInput {
  @Field(() => ID)
  memberId: string;

  @Field(() => [String], { description: 'Months covered, YYYY-MM (up to 12 ahead).' })
  months: string[];

  @Field(() => LocalDateScalar, { nullable: true })
  paidOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'Amount handed over in fen; checked against the due.' })
  amountFen?: number | null;
}

@ArgsType()
export class MemberListArgs extends PageArgs {
  @Field(() => [DevelopmentStage], { nullable: true })
  stages?: DevelopmentStage[] | null;

  @Field(() => [MemberStatus], { nullable: true, description: 'Default: ACTIVE, FLOATING, LOST_CONTACT.' })
  statuses?: MemberStatus[] | null;

  @Field(() => [MemberCategory], { nullable: true })
  categories?: MemberCategory[] | null;

  @Field(() => [Gender], { nullable: true })
  genders?: Gender[] | null;

  @Field(() => Int, { nullable: true, description: 'At least this age today.' })
  ageFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'At most this age today.' })
  ageTo?: number | null;

  @Field({ defaultValue: false, description: 'The whole unit: every organisation below too.' })
  includeSubtree: boolean;
}
