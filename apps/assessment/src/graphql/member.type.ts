import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar, TextField } from '@partybuild/federation';
import { AppraisalGrade, TEXT } from '../reference/assessment-rules';
import { PioneerFact } from '../domain/pioneer';
import { ModelPostStatus } from '../application/model-posts';
import './enums';

registerEnumType(PioneerFact, {
  name: 'PioneerFact',
  description: '先锋指数数据项 — a fact that earns pioneer-index points (never likes, clicks, logins or time in an app)',
  valuesConfig: {
    DUES_ON_TIME: { description: '按时交纳党费 — a month’s dues paid by its end' },
    APPRAISAL: { description: '民主评议等次 — the year’s appraisal grade' },
    MODEL_POST: { description: '共产党员示范岗 — a confirmed model post' },
    MEETING_ATTENDED: { description: '参加组织生活 — meetings attended, present or late (from the attendees the activity events list)' },
    DEVELOPMENT_DUTY: { description: '发展党员职责 — introducer or contact duties (no data until published)' },
    PAIRING_SERVICE: { description: '结对服务 — services the member took part in (no data until the first service naming its members arrives)' },
    MICRO_WISH: { description: '认领微心愿 — a micro-wish the member claimed and fulfilled (from the pairing events)' },
  },
});

registerEnumType(ModelPostStatus, {
  name: 'ModelPostStatus',
  valuesConfig: {
    NOMINATED: { description: '已推荐 — awaiting the working committee' },
    CONFIRMED: { description: '已确认' },
    REJECTED: { description: '不予确认' },
  },
});

@ObjectType({ description: '不合格党员跟踪 — the follow-up of an unqualified member (限期改正) until closed' })
export class FollowUp {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  memberId: string;

  @Field(() => Int)
  year: number;

  @Field(() => ID)
  branchId: string;

  @Field({ description: '处置方式' })
  measure: string;

  @Field(() => LocalDateScalar, { description: '整改期限' })
  deadline: string;

  @Field({ description: 'OPEN or CLOSED' })
  status: string;

  @Field(() => String, { nullable: true })
  outcome: string | null;
}

@ObjectType({ description: '民主评议党员 — a member’s appraisal of a year' })
export class Appraisal {
  @Field(() => ID)
  memberId: string;

  @Field(() => Int)
  year: number;

  @Field(() => ID)
  branchId: string;

  @Field(() => AppraisalGrade)
  grade: AppraisalGrade;

  @Field()
  decidedAt: Date;
}

@InputType()
export class AppraisalEntryInput {
  @Field(() => ID)
  memberId: string;

  @Field(() => AppraisalGrade)
  grade: AppraisalGrade;
}

@InputType({ description: '支部评议结果 — the branch’s decision for its members' })
export class RecordAppraisalsInput {
  @Field(() => ID)
  branchId: string;

  @Field(() => Int)
  year: number;

  @Field(() => [AppraisalEntryInput])
  entries: AppraisalEntryInput[];
}

@ObjectType({ description: '先锋指数明细 — one fact behind the index' })
export class PioneerPoint {
  @Field(() => PioneerFact)
  fact: PioneerFact;

  @Field({ description: 'YYYY-MM the points count in' })
  month: string;

  @Field(() => Float)
  points: number;

  @Field({ description: 'What earned them' })
  detail: string;
}

@ObjectType({ description: '党员先锋指数 — a member’s index for a period, with every point explained' })
export class PioneerIndex {
  @Field()
  period: string;

  @Field(() => Float)
  total: number;

  @Field(() => Int, { description: 'Rank among the current members of the branch (ties share a rank)' })
  rankInBranch: number;

  @Field(() => Int)
  branchSize: number;

  @Field(() => Int, { nullable: true, description: 'Rank within the Party committee above the branch' })
  rankInCommittee: number | null;

  @Field(() => Int, { nullable: true })
  committeeSize: number | null;

  @Field(() => [PioneerPoint], { description: '明细 — every fact behind the points' })
  breakdown: PioneerPoint[];

  @Field(() => [PioneerFact], { description: '暂无数据 — facts not yet published by any service (they score nothing, shown as no data)' })
  noData: PioneerFact[];
}

@ObjectType({ description: '共产党员示范岗 — a model post nominated by a branch' })
export class ModelPost {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  branchId: string;

  @Field(() => ID)
  memberId: string;

  @Field(() => Int)
  year: number;

  @Field()
  title: string;

  @Field(() => ModelPostStatus)
  status: ModelPostStatus;

  @Field(() => String, { nullable: true, description: '审核意见 / 不予确认的理由' })
  reason: string | null;
}

@ObjectType({ description: '示范岗名额 — a branch’s allowance: 10 % of in-service members, rounded down (one below 10)' })
export class ModelPostQuotaView {
  @Field(() => Int)
  inService: number;

  @Field(() => Int)
  allowed: number;

  @Field(() => Int, { description: 'Nominated or confirmed' })
  used: number;
}

@InputType()
export class NominateModelPostInput {
  @Field(() => ID)
  branchId: string;

  @Field(() => ID)
  memberId: string;

  @Field(() => Int)
  year: number;

  @TextField(TEXT.modelPostTitle, { description: '示范岗名称, e.g. 窗口服务示范岗' })
  title: string;
}
