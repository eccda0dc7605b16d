import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, TextField } from '@partybuild/federation';
import { TEXT } from '../reference/pairing-rules';
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

  @TextField(TEXT.outcome, { description: '服务成效' })
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

  @TextField(TEXT.title, { description: '心愿内容' })
  title: string;

  @TextField(TEXT.name, { description: '群众姓名 (encrypted at rest, masked when shown)' })
  residentName: string;

  @TextField(TEXT.contact, { nullable: true, description: '联系方式 (encrypted at rest, masked when shown)' })
  residentContact?: string | null;
}

@InputType({ description: 'A problem collected on a visit' })
export class VisitProblemInput {
  @TextField(TEXT.category, { description: '问题类别: a code (INFRASTRUCTURE…) or its Chinese label' })
  category: string;

  @TextField(TEXT.description, { description: '问题描述 — the problem' })
  description: string;

  @TextField(TEXT.assignee, { description: '承办单位: organisation id or code' })
  assignee: string;

  @TextField(TEXT.date, { nullable: true, description: '办结期限 YYYY-MM-DD; default from the rules' })
  deadline?: string | null;
}

@InputType({ description: '入户走访 — one household visit' })
export class VisitInput {
  @TextField(TEXT.title, { description: '户号/门牌 (not a person’s name)' })
  household: string;

  @TextField(TEXT.date, { description: '走访日期 YYYY-MM-DD' })
  visitedOn: string;

  @Field(() => [ID], { description: '走访党员' })
  visitorMemberIds: string[];

  @TextField(TEXT.description, { nullable: true, description: '备注 — note' })
  note?: string | null;

  @Field(() => VisitProblemInput, { nullable: true })
  problem?: VisitProblemInput | null;
}
