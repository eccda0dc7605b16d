import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar } from '@partybuild/federation';
import { ServiceType } from '../domain/service-record';
import { AttachmentInput } from './work.type';

@InputType({ description: '登记结对服务' })
export class RecordServiceInput {
  @Field(() => ID)
  pairId: string;

  @Field(() => ServiceType)
  type: ServiceType;

  @Field(() => LocalDateScalar, { description: '服务日期; not in the future' })
  deliveredOn: string;

  @Field(() => Int, { description: '受益人数' })
  beneficiaries: number;

  @Field(() => Float, { description: '投入资金（元）' })
  funds: number;

  @Field({ description: '服务成效' })
  outcome: string;

  @Field(() => [AttachmentInput], { nullable: true })
  attachments?: AttachmentInput[] | null;

  @Field(() => [ID], { nullable: true, description: '参与党员' })
  memberIds?: string[] | null;
}

@InputType({ description: '党员结对' })
export class MemberPairInput {
  @Field(() => ID, { description: '机关党员' })
  agencyMemberId: string;

  @Field(() => ID, { description: '农村（社区）党员' })
  ruralMemberId: string;

  @Field(() => ID, { nullable: true, description: 'The organisation pair it belongs to' })
  pairId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  startsOn?: string | null;
}

@InputType({ description: '发布微心愿' })
export class PostWishInput {
  @Field(() => ID, { description: 'The village or community posting it' })
  organizationId: string;

  @Field({ description: '心愿内容' })
  title: string;

  @Field({ description: '群众姓名 (encrypted at rest, masked when shown)' })
  residentName: string;

  @Field(() => String, { nullable: true, description: '联系方式 (encrypted at rest, masked when shown)' })
  residentContact?: string | null;
}

@InputType({ description: 'A problem collected on a visit' })
export class VisitProblemInput {
  @Field({ description: '问题类别: a code (INFRASTRUCTURE…) or its Chinese label' })
  category: string;

  @Field()
  description: string;

  @Field({ description: '承办单位: organisation id or code' })
  assignee: string;

  @Field(() => String, { nullable: true, description: '办结期限 YYYY-MM-DD; default from the rules' })
  deadline?: string | null;
}

@InputType({ description: '入户走访 — one household visit' })
export class VisitInput {
  @Field({ description: '户号/门牌 (not a person’s name)' })
  household: string;

  @Field({ description: 'YYYY-MM-DD' })
  visitedOn: string;

  @Field(() => [ID], { description: '走访党员' })
  visitorMemberIds: string[];

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => VisitProblemInput, { nullable: true })
  problem?: VisitProblemInput | null;
}
