import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@partybuild/federation';
import { PairKind, PairStatus, VillageType } from '../domain/kinds';
import { Organization } from './stubs';
import './enums';

@ObjectType({ description: '党建共建1+1 — an organisation pair' })
export class Pair {
  @Field(() => ID)
  id: string;

  @Field(() => PairKind)
  kind: PairKind;

  @Field(() => ID, { description: '帮扶方 — the agency (or strong branch)' })
  helperId: string;

  @Field(() => ID, { description: '被帮扶方 — the village or community (or weak branch)' })
  helpedId: string;

  @Field(() => PairStatus)
  status: PairStatus;

  @Field(() => String, {
    nullable: true,
    description: 'The matching rule that suggested it (ECONOMIC→POOR, FALLBACK); null when made by hand',
  })
  rule: string | null;

  @Field(() => String, { nullable: true, description: '结对理由' })
  reason: string | null;

  @Field(() => LocalDateScalar)
  proposedOn: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '开始日期' })
  startsOn: string | null;

  @Field(() => Int, { description: '结对期限（月）' })
  termMonths: number;

  @Field(() => LocalDateScalar, { nullable: true, description: '期满日期' })
  endsOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true })
  endedOn: string | null;

  @Field(() => String, { nullable: true })
  endReason: string | null;
}

@ObjectType({ description: '村（社区）结对档案 — a village or community’s pairing profile' })
export class VillageProfile {
  @Field(() => ID)
  organizationId: string;

  @Field(() => VillageType)
  villageType: VillageType;

  @Field(() => [String], { description: '认定依据 — the facts behind the type' })
  facts: string[];

  @Field(() => Int, { nullable: true, description: '人口' })
  population: number | null;

  @Field(() => Int, { nullable: true, description: '户数' })
  households: number | null;
}

@ObjectType({ description: '结对建议 — one suggested pair and why' })
export class PairSuggestion {
  @Field(() => Organization)
  helper: Organization;

  @Field(() => Organization)
  helped: Organization;

  @Field(() => Int, { description: 'The matching score of the rule applied' })
  score: number;

  @Field({ description: 'The rule applied: ECONOMIC→POOR, or FALLBACK' })
  rule: string;

  @Field({ description: '建议理由' })
  reason: string;
}

@ObjectType({ description: 'A village needing a partner that could not be given one, and why' })
export class UncoveredVillage {
  @Field(() => Organization)
  organization: Organization;

  @Field()
  reason: string;
}

@ObjectType({ description: '全区结对建议 — the optimal assignment over the whole district' })
export class PairingSuggestions {
  @Field(() => [PairSuggestion])
  suggestions: PairSuggestion[];

  @Field(() => [UncoveredVillage])
  uncovered: UncoveredVillage[];

  @Field(() => Int, { description: 'Villages needing a partner and without an open pair' })
  needing: number;

  @Field(() => Int, { description: 'Sum of the suggestions’ scores (the largest possible with the most villages covered)' })
  totalScore: number;

  @Field(() => Float, { description: 'Milliseconds the assignment took to compute' })
  computedInMs: number;
}

@ObjectType({ description: '村（社区）类型建议 — a type suggested from the facts known (the latest star rating)' })
export class VillageTypeSuggestion {
  @Field(() => VillageType)
  villageType: VillageType;

  @Field(() => [String], { description: 'The facts it rests on' })
  facts: string[];
}
