import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Comparison, ScoringMethod } from '../domain/scheme';
import { FactKey } from '../domain/facts';
import { TextField } from '@partybuild/federation';
import { TEXT } from '../reference/assessment-rules';
import './enums';

@ObjectType({ description: '考核指标 — one node of a scheme’s indicator tree (parents before children)' })
export class IndicatorView {
  @Field({ description: 'Hierarchical code, e.g. 1.2' })
  code: string;

  @Field(() => String, { nullable: true })
  parentCode: string | null;

  @Field()
  name: string;

  @Field(() => Float, { description: '满分 — maximum score (the children’s add up to it)' })
  maxScore: number;

  @Field(() => ScoringMethod, { nullable: true, description: 'Null for a node with children' })
  method: ScoringMethod | null;

  @Field(() => FactKey, { nullable: true })
  fact: FactKey | null;

  @Field(() => Float, { nullable: true, description: '每次扣分 — per occurrence of a counted fact' })
  deductionPerOccurrence: number | null;

  @Field()
  leaf: boolean;
}

@ObjectType({ description: '一票否决条件 — a fact condition that caps the grade and stars' })
export class VetoView {
  @Field(() => FactKey)
  fact: FactKey;

  @Field(() => Comparison)
  comparison: Comparison;

  @Field(() => Float)
  threshold: number;

  @Field()
  label: string;
}

@ObjectType({ description: '考核方案 — an assessment scheme for a year and an organisation kind' })
export class Scheme {
  @Field(() => ID)
  id: string;

  @Field(() => Int)
  year: number;

  @Field({ description: 'The organisation kind it assesses (BRANCH, PARTY_COMMITTEE…)' })
  organizationKind: string;

  @Field()
  name: string;

  @Field(() => [IndicatorView])
  indicators: IndicatorView[];

  @Field(() => [VetoView])
  vetoes: VetoView[];

  @Field(() => ID, { nullable: true, description: 'The scheme it was copied from' })
  copiedFrom: string | null;

  @Field({ description: 'Used by a round: never edited again, copy it for the next year' })
  inUse: boolean;
}

@InputType({ description: '考核指标 — a node of the tree; a leaf has a method, a parent has children whose maxima add up to its own' })
export class IndicatorInput {
  @TextField(TEXT.indicatorCode, { nullable: true, description: 'Defaults to the position (1, 1.2…)' })
  code?: string | null;

  @TextField(TEXT.indicatorName, { description: '指标名称 — name' })
  name: string;

  @Field(() => Float)
  maxScore: number;

  @Field(() => ScoringMethod, { nullable: true })
  method?: ScoringMethod | null;

  @TextField(TEXT.fact, { nullable: true, description: 'For AUTOMATIC: one of AssessmentFact' })
  fact?: string | null;

  @Field(() => Float, { nullable: true })
  deductionPerOccurrence?: number | null;

  @Field(() => [IndicatorInput], { nullable: true })
  children?: IndicatorInput[] | null;
}

@InputType({ description: '一票否决条件' })
export class VetoInput {
  @TextField(TEXT.fact, { description: 'One of AssessmentFact' })
  fact: string;

  @Field(() => Comparison)
  comparison: Comparison;

  @Field(() => Float)
  threshold: number;

  @TextField(TEXT.vetoLabel, { description: 'What it means, e.g. 未按期换届' })
  label: string;
}

@InputType()
export class SchemeInput {
  @Field(() => Int)
  year: number;

  @TextField(TEXT.organizationKind, { description: '组织类别 — the kind of organisation it assesses, e.g. BRANCH' })
  organizationKind: string;

  @TextField(TEXT.schemeName, { description: '方案名称 — name' })
  name: string;

  @Field(() => [IndicatorInput])
  indicators: IndicatorInput[];

  @Field(() => [VetoInput], { nullable: true })
  vetoes?: VetoInput[] | null;
}
