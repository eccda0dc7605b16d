import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@partybuild/federation';
import { AssessmentFigures, PairingFigures } from './assessment-pairing.type';
import { LabelCount } from './label-count.type';

export { LabelCount };

@ObjectType({ description: '党员统计 — members of the organisation and its whole subtree' })
export class MemberFigures {
  @Field(() => Int, { description: '党员总数 — full and probationary members still in the organisation' })
  total: number;

  @Field(() => [LabelCount], { description: '按发展阶段 — everyone on record by stage (applicants, activists… included)' })
  byStage: LabelCount[];

  @Field(() => [LabelCount], { description: '按状态 — members by status, departed included' })
  byStatus: LabelCount[];

  @Field(() => [LabelCount], { description: '按性别' })
  byGender: LabelCount[];

  @Field(() => [LabelCount], { description: '按年龄段 — ages as of the statistics day' })
  byAgeBand: LabelCount[];

  @Field(() => [LabelCount], { description: '按学历' })
  byEducation: LabelCount[];

  @Field(() => [LabelCount], { description: '按人员类别 — in service, retired, farmer…' })
  byCategory: LabelCount[];

  @Field(() => Int, { description: '新发展党员 — admitted as probationary members in the period' })
  newMembers: number;

  @Field(() => Int, { description: '转入 — transfers into the subtree in the period' })
  transfersIn: number;

  @Field(() => Int, { description: '转出 — transfers out of the subtree (or the district) in the period' })
  transfersOut: number;
}

@ObjectType({ description: '支部设置与换届 — branches and committee terms' })
export class BranchFigures {
  @Field(() => Int, { description: '支部数 — active branch-level organisations' })
  total: number;

  @Field(() => Int, { description: '正式党员不足3人的支部' })
  underThreeFullMembers: number;

  @Field(() => Int, { description: '党员超过50人的支部' })
  overFiftyMembers: number;

  @Field(() => Int, { description: '即将换届 — committees whose term ends within 90 days' })
  electionsDue: number;

  @Field(() => Int, { description: '逾期未换届 — committees past the end of their term' })
  electionsOverdue: number;
}

@ObjectType({ description: '组织生活 — activities held in the period' })
export class ActivityFigures {
  @Field(() => Int)
  held: number;

  @Field(() => [LabelCount])
  byType: LabelCount[];

  @Field(() => [LabelCount], { description: 'By month, YYYY-MM' })
  byMonth: LabelCount[];

  @Field(() => Int, { description: '三会一课 — general, committee and group meetings and Party lectures held' })
  threeMeetingsOneLesson: number;

  @Field(() => Float, { nullable: true, description: '参会率 — present and late over expected, 0–1' })
  attendanceRate: number | null;

  @Field(() => Int, {
    description:
      '应开三会一课 — required of the branches and Party groups: 支部党员大会 and 党课 each quarter, 支委会 each month (branches with a committee), 党小组会 each month per group; one counts once its period has ended, or earlier when held',
  })
  requiredMeetingsDue: number;

  @Field(() => Int, { description: '已开三会一课 — of those, held' })
  requiredMeetingsHeld: number;

  @Field(() => Float, {
    nullable: true,
    description:
      "三会一课落实率 — held ÷ required, 0–1 (the four kinds only; the same as the activity service's complianceReport); null when nothing is required yet",
  })
  complianceRate: number | null;

  @Field(() => Int, { description: '应开组织生活 — 主题党日 (monthly) and 组织生活会 (yearly) required, beside 三会一课' })
  organizationalLifeDue: number;

  @Field(() => Int, { description: '已开组织生活 — of those, held' })
  organizationalLifeHeld: number;

  @Field(() => Float, { nullable: true, description: '组织生活落实率 — held ÷ required, 0–1; null when nothing is required yet' })
  organizationalLifeRate: number | null;
}

@ObjectType({ description: '党费 — dues in fen (分)' })
export class DuesFigures {
  @Field(() => Float, {
    description:
      "应交 — the months of the period each member owes (from their dues start month, once ended), at the due in force that month; the same as the membership service's duesSummary",
  })
  expectedFen: number;

  @Field(() => Float, { description: '实交 — paid for the months of the period, also ahead' })
  collectedFen: number;

  @Field(() => Int, { description: '欠缴人数 — members with an owed month of the period unpaid' })
  membersInArrears: number;
}

@ObjectType({ description: '统计 — figures of an organisation and its whole subtree for a period' })
export class OrganizationStatistics {
  @Field()
  period: string;

  @Field(() => LocalDateScalar)
  from: string;

  @Field(() => LocalDateScalar)
  to: string;

  @Field(() => LocalDateScalar, { description: 'The day ages and terms are counted on.' })
  asOf: string;

  @Field(() => [LabelCount], { description: '按组织类别 — active organisations by kind' })
  organizationsByKind: LabelCount[];

  @Field(() => MemberFigures)
  members: MemberFigures;

  @Field(() => BranchFigures)
  branches: BranchFigures;

  @Field(() => ActivityFigures)
  activities: ActivityFigures;

  @Field(() => DuesFigures)
  dues: DuesFigures;

  @Field(() => AssessmentFigures, { description: '考核评价 — scores, stars, 十佳, appraisal, pioneer index, model posts of the year' })
  assessment: AssessmentFigures;

  @Field(() => PairingFigures, { description: '城乡结对共建 — pairs, services, micro-wishes, visits, problems' })
  pairing: PairingFigures;
}
