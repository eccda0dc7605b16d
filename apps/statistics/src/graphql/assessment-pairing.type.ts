import { Field, Float, Int, ObjectType } from 'type-graphql';
import { LabelCount } from './label-count.type';

@ObjectType({ description: '考核评价 — the assessment of the year the period falls in, over the whole subtree' })
export class AssessmentFigures {
  @Field(() => Int, { description: '年度 — the year assessed' })
  year: number;

  @Field(() => Int, { description: '已评定 — organisations whose round of the year is closed' })
  rated: number;

  @Field(() => [LabelCount], {
    description: '得分分布 — final scores by bracket (95-100, 85-94…; the statistics rules of the year), every bracket listed',
  })
  byScore: LabelCount[];

  @Field(() => [LabelCount], { description: '星级分布 — organisations by stars, "1" to "5", every count listed' })
  byStars: LabelCount[];

  @Field(() => Int, {
    description: '十佳基层党组织 — of them among the best ten of their kind district-wide (not vetoed, at least the minimum score)',
  })
  topTen: number;

  @Field(() => [LabelCount], {
    description:
      '民主评议党员 — members by grade: EXCELLENT 优秀, QUALIFIED 合格, BASICALLY_QUALIFIED 基本合格, UNQUALIFIED 不合格 (small cells withheld)',
  })
  byAppraisal: LabelCount[];

  @Field(() => Int, { description: '先锋指数人数 — members of the rated organisations counted in the pioneer index, as of each close' })
  pioneerMembers: number;

  @Field(() => Float, { nullable: true, description: '平均党员先锋指数 — their points over their number; null when none was published' })
  averagePioneerIndex: number | null;

  @Field(() => Int, { description: '共产党员示范岗 — model posts confirmed for the year' })
  modelPostsConfirmed: number;
}

@ObjectType({ description: '城乡结对共建 — urban–rural pairing work of the subtree in the period (no resident data)' })
export class PairingFigures {
  @Field(() => Int, { description: '结对数 — pairs active, started by the end of the period, with a side in the subtree' })
  activePairs: number;

  @Field(() => Int, { description: '服务次数 — services (送/带) delivered in the period by either side' })
  services: number;

  @Field(() => [LabelCount], { description: '按服务类型 — PARTY_LESSON 送党课, LEGAL 送法律, HEALTH 送卫生…' })
  servicesByType: LabelCount[];

  @Field(() => Int, { description: '受益人数 — beneficiaries of those services' })
  beneficiaries: number;

  @Field(() => Float, { description: '投入资金（元）— funds of those services, yuan' })
  fundsYuan: number;

  @Field(() => Int, { description: '微心愿发布 — posted in the period by the subtree’s villages' })
  wishesPosted: number;

  @Field(() => Int, { description: '微心愿认领 — claimed in the period' })
  wishesClaimed: number;

  @Field(() => Int, { description: '微心愿实现 — fulfilled in the period' })
  wishesFulfilled: number;

  @Field(() => Int, {
    description:
      '走访户数 — households visited, summed over visit batches (placed by their first day): a household visited in two batches counts twice',
  })
  householdsVisited: number;

  @Field(() => Int, { description: '收集问题 — problems collected in the period' })
  problemsCollected: number;

  @Field(() => Int, { description: '解决问题 — problems resolved in the period' })
  problemsResolved: number;

  @Field(() => Int, { description: '逾期问题 — problems still open past their deadline, as of today' })
  problemsOverdue: number;

  @Field(() => Float, {
    nullable: true,
    description: '平均办结天数 — days from collection to resolution of those resolved in the period; null when none',
  })
  averageDaysToResolve: number | null;
}
