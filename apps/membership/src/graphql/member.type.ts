import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@partybuild/federation';
import { PageOf } from '@partybuild/federation';
import { DevelopmentStage, Gender, MemberCategory, MemberStatus } from '../domain/member-kinds';
import { DevelopmentStep } from '../domain/development-step';
import './enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: '党员 — a person in the membership records (applicants and activists included)' })
export class Member {
  @Field(() => ID)
  id: string;

  @Field({ description: '姓名 — name' })
  name: string;

  @Field(() => Gender, { description: '性别' })
  gender: Gender;

  @Field(() => String, { nullable: true, description: '民族 — ethnicity' })
  ethnicity: string | null;

  /** Resolved by `MemberFieldsResolver.birthDate`: withheld from whoever sees the ID number masked. */
  birthDate: string;

  @Field(() => String, { nullable: true, description: '学历 — education' })
  education: string | null;

  @Field(() => String, { nullable: true, description: '工作单位 — work unit' })
  workUnit: string | null;

  @Field(() => String, { nullable: true, description: '职务 — post' })
  post: string | null;

  @Field(() => MemberCategory, { description: '人员类别' })
  category: MemberCategory;

  @Field(() => MemberStatus, { description: '党员状态' })
  status: MemberStatus;

  @Field(() => DevelopmentStage, { description: '发展阶段' })
  stage: DevelopmentStage;

  @Field(() => LocalDateScalar, { nullable: true, description: '确定为入党积极分子日期 — activist since' })
  activistSince: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '确定为发展对象日期 — candidate since' })
  candidateSince: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '入党日期 — the day the branch meeting admitted them' })
  joinedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '预备期满日期 — end of probation' })
  probationEndsOn: string | null;

  @Field(() => Int, { description: '延长预备期次数 — times the probation was extended' })
  probationExtensions: number;

  @Field(() => LocalDateScalar, { nullable: true, description: '转正日期 — full member since' })
  fullMemberSince: string | null;

  @Field(() => Int, {
    nullable: true,
    description: '党费基数（分）— declared monthly base in fen (salary, pension; a farmer: the monthly amount)',
  })
  duesBaseFen: number | null;

  organizationId: string;
  partyGroupId: string | null;
  idNumberSealed: string;
  phoneSealed: string | null;
}

export const MemberPage = PageOf(Member, 'MemberPage');

@ObjectType({ description: '发展步骤记录 — a recorded development step' })
export class DevelopmentStepEntry {
  @Field(() => DevelopmentStep)
  step: DevelopmentStep;

  @Field(() => Int, { description: '1–25' })
  ordinal: number;

  @Field(() => LocalDateScalar, { description: 'The day of the step.' })
  on: string;

  @Field({ description: 'Who recorded it.' })
  actor: string;

  @Field({ description: '逾期审批 — approved later than the rules ask (flagged, not refused)' })
  late: boolean;

  @Field(() => String, { description: 'The data of the step (contacts, introducers, training, notice, vote) as JSON.' })
  dataJson: string;
}

@ObjectType({ description: 'A step that may be recorded next.' })
export class StepOption {
  @Field(() => DevelopmentStep)
  step: DevelopmentStep;

  @Field(() => Int)
  ordinal: number;

  @Field({ description: '步骤名称 — what the step is' })
  label: string;
}

@ObjectType({ description: '党费情况 — dues of one member' })
export class MemberDues {
  @Field(() => Int, { description: '每月应交（分）— monthly due in fen' })
  monthlyDueFen: number;

  @Field(() => [String], { description: 'Months paid (YYYY-MM).' })
  paidMonths: string[];

  @Field(() => [String], { description: '欠交月份 — unpaid months before the current one' })
  unpaidMonths: string[];

  @Field(() => Int, { description: '连续未交月数 — consecutive unpaid months up to now' })
  consecutiveUnpaid: number;

  @Field({ description: '连续6个月未交 — flagged for the branch to decide (the system never decides)' })
  flagged: boolean;

  @Field(() => Int, { description: '欠交金额（分）' })
  owedFen: number;
}
