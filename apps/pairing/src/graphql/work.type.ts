import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { LocalDateScalar, PageOf, TextField } from '@partybuild/federation';
import { TEXT } from '../reference/pairing-rules';
import { ServiceType } from '../domain/service-record';
import { WishStatus } from '../domain/wish';
import { Member, Organization } from './stubs';

registerEnumType(ServiceType, {
  name: 'PairingServiceType',
  description: '服务类型 — 送党课/送法律/送卫生/送温暖/送科技, 带思路/带队伍/带项目/带技术',
  valuesConfig: {
    PARTY_LESSON: { description: '送党课' },
    LEGAL: { description: '送法律' },
    HEALTH: { description: '送卫生' },
    WARMTH: { description: '送温暖' },
    TECHNOLOGY: { description: '送科技' },
    IDEAS: { description: '带思路' },
    TEAM: { description: '带队伍' },
    PROJECT: { description: '带项目' },
    SKILLS: { description: '带技术' },
  },
});

registerEnumType(WishStatus, {
  name: 'WishStatus',
  description: '微心愿状态',
  valuesConfig: {
    OPEN: { description: '待认领 — open' },
    CLAIMED: { description: '已认领 — claimed' },
    FULFILLED: { description: '已实现 — fulfilled' },
    EXPIRED: { description: '已过期 — expired' },
  },
});

@ObjectType('PairingAttachment', { description: 'A reference to a file kept elsewhere.' })
export class Attachment {
  @Field()
  name: string;

  @Field()
  sha256: string;

  @Field(() => Float)
  sizeBytes: number;
}

@InputType('PairingAttachmentInput', { description: 'A reference to a file kept elsewhere.' })
export class AttachmentInput {
  @TextField(TEXT.attachmentName, { description: '文件名 — file name' })
  name: string;

  @Field({ description: 'SHA-256 of the content, 64 hex digits.' })
  sha256: string;

  @Field(() => Float)
  sizeBytes: number;
}

@ObjectType({ description: '结对服务 — a service delivered under a pair' })
export class ServiceRecord {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  pairId: string;

  @Field(() => ServiceType)
  type: ServiceType;

  @Field(() => LocalDateScalar)
  deliveredOn: string;

  @Field(() => Int, { description: '受益人数' })
  beneficiaries: number;

  @Field(() => Float, { description: '投入资金（元）' })
  funds: number;

  @Field({ description: '服务成效' })
  outcome: string;

  @Field(() => [Attachment])
  attachments: Attachment[];

  @Field(() => [Member], { description: '参与党员' })
  members: Member[];
}

export const ServicePage = PageOf(ServiceRecord, 'PairingServicePage');

@ObjectType({ description: '党员结对 — an agency member paired with a rural member' })
export class MemberPair {
  @Field(() => ID)
  id: string;

  @Field(() => Member, { description: '机关党员' })
  agencyMember: Member;

  @Field(() => Member, { description: '农村（社区）党员' })
  ruralMember: Member;

  @Field(() => ID, { nullable: true, description: 'The organisation pair it belongs to' })
  pairId: string | null;

  @Field(() => LocalDateScalar)
  startsOn: string;

  @Field(() => LocalDateScalar, { nullable: true })
  endsOn: string | null;
}

@ObjectType({ description: '微心愿 — a resident’s small wish posted by a village or community' })
export class MicroWish {
  @Field(() => ID)
  id: string;

  @Field(() => Organization, { description: 'The village or community that posted it' })
  organization: Organization;

  @Field({ description: '心愿内容' })
  title: string;

  // 群众姓名 and 联系方式: field resolvers (MicroWishResolver) give them masked or in clear, audited.

  @Field(() => WishStatus)
  status: WishStatus;

  @Field(() => LocalDateScalar)
  postedOn: string;

  @Field(() => LocalDateScalar)
  expiresOn: string;

  @Field(() => Member, { nullable: true, description: '认领党员' })
  claimedBy: Member | null;

  @Field(() => LocalDateScalar, { nullable: true })
  claimedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  fulfilledOn: string | null;

  @Field(() => String, { nullable: true, description: '实现情况' })
  evidence: string | null;
}

export const WishPage = PageOf(MicroWish, 'MicroWishPage');

@ObjectType({ description: '群众问题 — a problem collected on a visit (有呼必应)' })
export class Problem {
  @Field(() => ID)
  id: string;

  @Field(() => Organization, { description: 'Where it was collected' })
  organization: Organization;

  @Field({ description: '问题类别 (INFRASTRUCTURE, PUBLIC_ORDER, DISPUTE, LIVELIHOOD, HEALTH, EDUCATION, ENVIRONMENT, OTHER)' })
  category: string;

  @Field()
  description: string;

  @Field(() => Organization, { description: '承办单位 — the assignee' })
  assignee: Organization;

  @Field(() => LocalDateScalar)
  collectedOn: string;

  @Field(() => LocalDateScalar, { description: '办结期限' })
  deadline: string;

  @Field({ description: 'OPEN, RESOLVED' })
  status: string;

  @Field(() => LocalDateScalar, { nullable: true })
  resolvedOn: string | null;

  @Field(() => String, { nullable: true })
  resolution: string | null;

  @Field(() => Int, { nullable: true, description: '办理天数 — days from collection to resolution' })
  daysToResolve: number | null;

  @Field(() => Int, { description: '超期天数 — days past the deadline while open (0 when not overdue)' })
  daysOverdue: number;
}

export const ProblemPage = PageOf(Problem, 'ProblemPage');

@ObjectType({ description: '走访登记结果 — what one bulk call recorded' })
export class VisitBatch {
  @Field(() => ID)
  batchId: string;

  @Field(() => Int)
  visits: number;

  @Field(() => Int)
  households: number;

  @Field(() => Int)
  problems: number;
}

@ObjectType({ description: 'Services of one type in a period' })
export class ServiceTypeCount {
  @Field(() => ServiceType)
  type: ServiceType;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: '结对共建汇总 — an organisation’s subtree in a period' })
export class PairingSummary {
  @Field()
  period: string;

  @Field(() => Int, { description: '结对中 — active pairs with a side in the subtree' })
  activePairs: number;

  @Field(() => Int)
  services: number;

  @Field(() => [ServiceTypeCount])
  servicesByType: ServiceTypeCount[];

  @Field(() => Int)
  beneficiaries: number;

  @Field(() => Float)
  funds: number;

  @Field(() => Int)
  wishesPosted: number;

  @Field(() => Int)
  wishesClaimed: number;

  @Field(() => Int)
  wishesFulfilled: number;

  @Field(() => Int)
  householdsVisited: number;

  @Field(() => Int)
  problemsCollected: number;

  @Field(() => Int)
  problemsResolved: number;

  @Field(() => Int, { description: 'Open past their deadline today' })
  problemsOverdue: number;

  @Field(() => Float, { nullable: true, description: '平均办理天数' })
  averageDaysToResolve: number | null;
}

@ObjectType({ description: '微心愿群众信息查看记录 — one read of a resident’s name or contact in clear' })
export class ResidentDataAccess {
  @Field(() => ID)
  wishId: string;

  @Field({ description: 'Who read it.' })
  actor: string;

  @Field(() => [String])
  actorRoles: string[];

  @Field(() => [String], { description: 'residentName, residentContact' })
  fields: string[];

  @Field({ description: 'read' })
  purpose: string;

  @Field()
  requestId: string;

  @Field()
  accessedAt: Date;
}

export const ResidentDataAccessPage = PageOf(ResidentDataAccess, 'ResidentDataAccessPage');
