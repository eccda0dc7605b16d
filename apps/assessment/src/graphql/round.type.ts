import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar, PageOf, TextField } from '@partybuild/federation';
import { TEXT } from '../reference/assessment-rules';
import { Phase, ScoringMethod } from '../domain/scheme';
import { FactKey } from '../domain/facts';
import { EntryKind } from '../domain/scoring';
import { RoundGrade } from '../reference/assessment-rules';
import './enums';

@ObjectType({ description: '指标得分 — an indicator’s score in a round' })
export class IndicatorScoreView {
  @Field()
  code: string;

  @Field(() => String, { nullable: true })
  parentCode: string | null;

  @Field()
  name: string;

  @Field(() => Float)
  maxScore: number;

  @Field(() => ScoringMethod, { nullable: true })
  method: ScoringMethod | null;

  @Field(() => Float, { nullable: true, description: 'Null means "no data" (暂无数据), not zero' })
  score: number | null;

  @Field({ description: '暂无数据 — no service publishes its fact yet; it counts neither way' })
  noData: boolean;

  @Field(() => FactKey, { nullable: true })
  fact: FactKey | null;

  @Field(() => Float, { nullable: true, description: 'The fact’s value the score came from' })
  factValue: number | null;

  @Field({ description: 'A manual indicator not scored yet (counts as zero)' })
  unscored: boolean;
}

@ObjectType({ description: '考核数据 — a fact as used by the round (frozen when it closed)' })
export class FactValueView {
  @Field(() => FactKey)
  fact: FactKey;

  @Field()
  label: string;

  @Field(() => Float, { nullable: true, description: 'Null means "no data" (暂无数据)' })
  value: number | null;

  @Field({ description: 'Which service’s events it comes from' })
  source: string;
}

@ObjectType({ description: '评分记录 — who scored what and when' })
export class ScoreEntryView {
  @Field()
  indicatorCode: string;

  @Field(() => Phase)
  phase: Phase;

  @Field(() => EntryKind)
  kind: EntryKind;

  @Field(() => Float)
  points: number;

  @Field(() => String, { nullable: true, description: '评分依据' })
  evidence: string | null;

  @Field(() => String, { nullable: true, description: '扣分原因' })
  reason: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '发现日期 of a spot-check finding' })
  occurredOn: string | null;

  @Field()
  scoredBy: string;

  @Field()
  scoredAt: Date;
}

@ObjectType({ description: '考核 — the assessment of one organisation in one year' })
export class AssessmentRound {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  organizationId: string;

  @Field()
  organizationKind: string;

  @Field(() => Int)
  year: number;

  @Field(() => Phase)
  phase: Phase;

  @Field(() => ID)
  schemeId: string;

  @Field(() => RoundGrade, { nullable: true, description: '考核等次 — set when the round closes' })
  grade: RoundGrade | null;

  @Field(() => Int, { nullable: true, description: '星级 (1–5) — set when the round closes' })
  stars: number | null;

  @Field(() => Boolean, { nullable: true, description: '一票否决 — set when the round closes' })
  vetoed: boolean | null;
}

export const AssessmentRoundPage = PageOf(AssessmentRound, 'AssessmentRoundPage');

@InputType()
export class OpenRoundInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => ID)
  schemeId: string;

  @Field(() => Int)
  year: number;
}

@InputType({ description: '评分 — a manual indicator’s score with its evidence' })
export class ScoreIndicatorInput {
  @TextField(TEXT.indicatorCode, { description: '指标编号 — the indicator’s code' })
  indicatorCode: string;

  @Field(() => Float)
  points: number;

  @TextField(TEXT.evidence, { description: '评分依据 — what the score rests on' })
  evidence: string;
}

@InputType({ description: '抽查扣分 — a spot-check finding' })
export class DeductionInput {
  @TextField(TEXT.indicatorCode, { description: '指标编号 — the indicator’s code' })
  indicatorCode: string;

  @Field(() => Float, { description: 'Points deducted (more than 0, at most what is left)' })
  points: number;

  @TextField(TEXT.reason, { description: '扣分原因 — what was found' })
  reason: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Day of the finding (default today)' })
  occurredOn?: string | null;
}
