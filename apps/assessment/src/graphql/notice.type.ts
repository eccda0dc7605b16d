import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar, TextField } from '@partybuild/federation';
import { RoundGrade, TEXT } from '../reference/assessment-rules';
import './enums';

@ObjectType({ description: '书记述职评议 — a branch secretary’s yearly report and the grade it was given' })
export class SecretaryReport {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  organizationId: string;

  @Field(() => Int)
  year: number;

  @Field()
  secretaryName: string;

  @Field(() => RoundGrade, { description: '评议等次' })
  grade: RoundGrade;

  @Field({ description: '评议意见' })
  summary: string;
}

@ObjectType({ description: '整改事项 — a rectification item of a notice, tracked to closed' })
export class Rectification {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  noticeId: string;

  @Field(() => ID, { description: '责任单位' })
  ownerId: string;

  @Field()
  item: string;

  @Field(() => LocalDateScalar, { description: '整改期限' })
  deadline: string;

  @Field({ description: 'OPEN or CLOSED' })
  status: string;

  @Field(() => String, { nullable: true, description: '整改情况' })
  outcome: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  closedOn: string | null;

  @Field({ description: '逾期 — open past its deadline, or closed after it' })
  overdue: boolean;
}

@ObjectType({ description: '通报 — a notice naming good and poor performers, with rectification items' })
export class Notice {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  issuerId: string;

  @Field()
  title: string;

  @Field(() => LocalDateScalar)
  issuedOn: string;

  @Field(() => [ID], { description: '通报表扬的党组织' })
  commended: string[];

  @Field(() => [ID], { description: '通报批评的党组织' })
  criticised: string[];
}

@InputType()
export class SecretaryReportInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => Int)
  year: number;

  @TextField(TEXT.secretaryName, { description: '书记姓名 — the secretary’s name' })
  secretaryName: string;

  @Field(() => RoundGrade)
  grade: RoundGrade;

  @TextField(TEXT.summary, { description: '述职摘要 — summary of the report' })
  summary: string;
}

@InputType()
export class RectificationInput {
  @Field(() => ID, { description: '责任单位 — below the issuer' })
  ownerId: string;

  @TextField(TEXT.rectificationItem, { description: '整改事项 — what must be put right' })
  item: string;

  @Field(() => LocalDateScalar)
  deadline: string;
}

@InputType()
export class NoticeInput {
  @Field(() => ID, { description: '发文单位' })
  issuerId: string;

  @TextField(TEXT.noticeTitle, { description: '通报标题 — title' })
  title: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Default today' })
  issuedOn?: string | null;

  @Field(() => [ID], { nullable: true })
  commended?: string[] | null;

  @Field(() => [ID], { nullable: true })
  criticised?: string[] | null;

  @Field(() => [RectificationInput], { nullable: true })
  rectifications?: RectificationInput[] | null;
}
