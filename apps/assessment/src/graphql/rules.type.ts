import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: '考核规则 — the numbers in force for an assessment year' })
export class AssessmentRulesView {
  @Field({ description: 'The day this version of the rules took effect' })
  effectiveFrom: string;

  @Field()
  source: string;

  @Field(() => Int, { description: '十佳 — how many units are listed' })
  topTenCount: number;

  @Field(() => Float, { description: '十佳 — the lowest final score a listed unit may have' })
  topTenMinScore: number;

  @Field(() => Float, { description: '民主评议 — the highest share of 优秀 in a branch' })
  excellentRatio: number;

  @Field(() => Float, { description: '示范岗 — the highest share of in-service members' })
  modelPostRatio: number;
}
