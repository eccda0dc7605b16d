import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@partybuild/federation';
import { PageOf } from '@partybuild/federation';
import { TransferState } from '../domain/member-kinds';
import { DueKind } from '../domain/due-next';
import { Member } from './member.type';
import './enums';

@ObjectType({ description: '组织关系转接 — a transfer of a member' })
export class Transfer {
  @Field(() => ID)
  id: string;

  memberId: string;
  fromOrganizationId: string;
  toOrganizationId: string | null;

  @Field(() => String, { nullable: true, description: '转往 — where to (name of the receiving organisation)' })
  destination: string | null;

  @Field(() => TransferState)
  state: TransferState;

  @Field(() => LocalDateScalar, { description: '开具日期 — issued on' })
  issuedOn: string;

  @Field(() => LocalDateScalar, { description: '有效期至 — the letter is valid until' })
  expiresOn: string;

  @Field(() => LocalDateScalar, { nullable: true })
  decidedOn: string | null;

  @Field(() => String, { nullable: true, description: '退回原因 — why it was rejected' })
  reason: string | null;
}

export const TransferPage = PageOf(Transfer, 'TransferPage');

@ObjectType({ description: '待办 — development work due for one person' })
export class DueEntry {
  @Field(() => DueKind)
  kind: DueKind;

  @Field(() => LocalDateScalar, { description: 'When it fell or falls due.' })
  dueOn: string;

  @Field(() => Member)
  member: Member;
}

export const DueEntryPage = PageOf(DueEntry, 'DueEntryPage');

@ObjectType({ description: '欠交党费 — a member in arrears' })
export class ArrearsEntry {
  @Field(() => Member)
  member: Member;

  @Field(() => [String])
  unpaidMonths: string[];

  @Field(() => Int)
  consecutiveUnpaid: number;

  @Field({ description: '连续6个月未交 — for people to decide' })
  flagged: boolean;

  @Field(() => Int)
  owedFen: number;
}

export const ArrearsPage = PageOf(ArrearsEntry, 'ArrearsPage');

@ObjectType({ description: '党费收缴汇总 — dues collection of an organisation and its subtree' })
export class DuesSummary {
  @Field(() => ID)
  organizationId: string;

  @Field({ description: 'YYYY-MM or YYYY' })
  period: string;

  @Field(() => Int, { description: '应交人数 — paying members' })
  members: number;

  @Field(() => Int, { description: '应交金额（分）' })
  expectedFen: number;

  @Field(() => Int, { description: '实交金额（分）' })
  collectedFen: number;

  @Field(() => Int)
  membersPaid: number;

  @Field(() => Int)
  membersInArrears: number;

  @Field(() => Int, { description: '连续6个月未交人数' })
  flaggedMembers: number;
}

@ObjectType({ description: '党费缴纳 — a recorded payment' })
export class DuesPayment {
  @Field(() => ID)
  paymentId: string;

  @Field(() => [String])
  months: string[];

  @Field(() => Int, { description: '金额（分）' })
  amountFen: number;

  @Field(() => LocalDateScalar)
  paidOn: string;
}

@ObjectType({ description: 'A row or column at fault in an import file.' })
export class ImportProblem {
  @Field(() => Int, { description: 'Line in the file; the header is row 1.' })
  row: number;

  @Field(() => String, { nullable: true, description: 'The column as named in the header.' })
  column: string | null;

  @Field()
  code: string;

  @Field()
  message: string;
}

@ObjectType({ description: '批量导入结果 — result of an import' })
export class ImportResult {
  @Field(() => Int)
  imported: number;

  @Field(() => Int)
  rowsRead: number;

  @Field(() => Int)
  rejectedRows: number;

  @Field(() => [ImportProblem], { description: 'The first 500 problems, by row.' })
  errors: ImportProblem[];

  @Field(() => Int)
  totalErrors: number;
}

@ObjectType({ description: '个人信息查看记录 — one unmasked read of personal data' })
export class PersonalDataAccess {
  @Field(() => ID)
  memberId: string;

  @Field({ description: 'Who read it.' })
  actor: string;

  @Field(() => [String])
  actorRoles: string[];

  @Field(() => [String], { description: 'idNumber, phone' })
  fields: string[];

  @Field({ description: 'read or export' })
  purpose: string;

  @Field()
  requestId: string;

  @Field()
  accessedAt: Date;
}

export const PersonalDataAccessPage = PageOf(PersonalDataAccess, 'PersonalDataAccessPage');
