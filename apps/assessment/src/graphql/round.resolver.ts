import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, pageWindow, toPage } from '@partybuild/federation';
import { assertAllowed } from '@partybuild/auth';
import { FACTS, FactKey } from '../domain/facts';
import { EntryKind } from '../domain/scoring';
import { RoundRecord } from '../application/rounds';
import {
  AssessmentRound,
  AssessmentRoundPage,
  DeductionInput,
  FactValueView,
  IndicatorScoreView,
  OpenRoundInput,
  ScoreEntryView,
  ScoreIndicatorInput,
} from './round.type';
import { Scheme } from './scheme.type';
import { Organization } from './stubs';
import type { AssessmentContext } from './context';
import { withLimit } from '@partybuild/federation';
import { TEXT } from '../reference/assessment-rules';

const KEY = { nullable: true, description: '幂等键 — a repeat with the same key returns the first result (or the Idempotency-Key header)' };

@Resolver(() => AssessmentRound)
export class AssessmentRoundResolver {
  @FieldResolver(() => Organization)
  organization(@Root() r: RoundRecord): Organization {
    return { id: r.organizationId };
  }

  @FieldResolver(() => Scheme)
  async scheme(@Root() r: RoundRecord, @Ctx() ctx: AssessmentContext) {
    return (await ctx.loaders.views.load(r.id)).scheme;
  }

  @FieldResolver(() => Float, { description: '最终得分 (out of 100): frozen when closed, following the facts while open' })
  async finalScore(@Root() r: RoundRecord, @Ctx() ctx: AssessmentContext) {
    return r.finalScore ?? (await ctx.loaders.views.load(r.id)).score.finalScore;
  }

  @FieldResolver(() => [String], { description: '一票否决 — the veto conditions met (now, or when closed)' })
  async vetoes(@Root() r: RoundRecord, @Ctx() ctx: AssessmentContext) {
    return (await ctx.loaders.views.load(r.id)).score.vetoes;
  }

  @FieldResolver(() => String, { description: 'The day the facts were judged on (frozen when closed)' })
  async judgedOn(@Root() r: RoundRecord, @Ctx() ctx: AssessmentContext): Promise<string> {
    return (await ctx.loaders.views.load(r.id)).judgedOn;
  }

  @FieldResolver(() => [IndicatorScoreView], { description: '指标得分 — every indicator, parents before children' })
  async indicators(@Root() r: RoundRecord, @Ctx() ctx: AssessmentContext): Promise<IndicatorScoreView[]> {
    const view = await ctx.loaders.views.load(r.id);
    return view.scheme.indicators.map((indicator, index) => {
      const s = view.score.indicators[index];
      return { ...indicator, score: s.score, noData: s.score === null, factValue: s.factValue, unscored: s.unscored };
    });
  }

  @FieldResolver(() => [FactValueView], { description: '考核数据 — the facts used (frozen when closed)' })
  async facts(@Root() r: RoundRecord, @Ctx() ctx: AssessmentContext): Promise<FactValueView[]> {
    const { facts } = await ctx.loaders.views.load(r.id);
    return (Object.keys(FACTS) as FactKey[]).map((fact) => ({
      fact,
      label: FACTS[fact].zh,
      value: facts[fact],
      source: FACTS[fact].source,
    }));
  }

  @FieldResolver(() => Int, { nullable: true, description: '排名 — among closed rounds of the year and kind in the district' })
  async rank(@Root() r: RoundRecord & { rank?: number }, @Ctx() ctx: AssessmentContext) {
    return r.rank ?? (await ctx.loaders.ranks.load(r.id))?.rank ?? null;
  }

  @FieldResolver(() => Int, { nullable: true, description: '同级排名 — among closed rounds of the year and kind under the same parent' })
  async rankWithinParent(@Root() r: RoundRecord & { rankWithinParent?: number }, @Ctx() ctx: AssessmentContext) {
    return r.rankWithinParent ?? (await ctx.loaders.ranks.load(r.id))?.rankWithinParent ?? null;
  }

  @FieldResolver(() => [ScoreEntryView], { description: '评分记录 — every score and deduction, oldest first' })
  entries(@Root() r: RoundRecord, @Ctx() ctx: AssessmentContext): Promise<ScoreEntryView[]> {
    // Who scored what with which evidence: not a figure, so not for analysts or members.
    assertAllowed(ctx.caller, 'assessment.evidence', { path: r.organizationPath });
    return ctx.loaders.entries.load(r.id);
  }

  @Query(() => AssessmentRound, { description: '考核 — a round by id' })
  async assessmentRound(@Arg('id', () => ID) id: string, @Ctx() ctx: AssessmentContext) {
    return ctx.rounds.visible(ctx.caller, id);
  }

  @Query(() => AssessmentRoundPage, { description: '考核排名 — closed rounds of a year and organisation kind, best first' })
  async assessmentRanking(
    @Arg('year', () => Int) year: number,
    @Arg('organizationKind', () => String, {
      defaultValue: 'BRANCH',
      description: withLimit('组织类别 — kind of unit ranked', TEXT.organizationKind),
    })
    organizationKind: string,
    @Arg('under', () => ID, { nullable: true, description: 'Only units below this organisation (ranks stay district-wide)' })
    under: string | null,
    @Args() page: PageArgs,
    @Ctx() ctx: AssessmentContext,
  ) {
    const window = pageWindow(page);
    const { items, total } = await ctx.results.ranking(ctx.caller, year, organizationKind, under, window);
    return toPage(items, total, window);
  }

  @Query(() => [AssessmentRound], { description: '十佳基层党组织 — the best closed rounds above the minimum score, none vetoed' })
  topTenOrganizations(
    @Arg('year', () => Int) year: number,
    @Arg('organizationKind', () => String, {
      defaultValue: 'BRANCH',
      description: withLimit('组织类别 — kind of unit ranked', TEXT.organizationKind),
    })
    organizationKind: string,
    @Ctx() ctx: AssessmentContext,
  ) {
    return ctx.results.topTen(ctx.caller, year, organizationKind);
  }

  @Mutation(() => AssessmentRound, { description: '开启考核 — open the round of an organisation for a year' })
  openAssessmentRound(
    @Arg('input') input: OpenRoundInput,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey: string | null,
    @Ctx() ctx: AssessmentContext,
  ) {
    return ctx.rounds.open(ctx.caller, input, idempotencyKey ?? ctx.idempotencyKey);
  }

  @Mutation(() => AssessmentRound, { description: '进入下一阶段 — self-assessment → spot checks → year-end' })
  advanceAssessmentRound(@Arg('id', () => ID) id: string, @Ctx() ctx: AssessmentContext) {
    return ctx.rounds.advance(ctx.caller, id);
  }

  @Mutation(() => AssessmentRound, { description: '评分 — score a manual indicator (self-assessment or year-end), with evidence' })
  scoreIndicator(
    @Arg('roundId', () => ID) roundId: string,
    @Arg('input') input: ScoreIndicatorInput,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey: string | null,
    @Ctx() ctx: AssessmentContext,
  ) {
    return ctx.rounds.score(ctx.caller, roundId, input, EntryKind.SCORE, idempotencyKey ?? ctx.idempotencyKey);
  }

  @Mutation(() => AssessmentRound, { description: '抽查扣分 — record a spot-check deduction with its reason and date' })
  recordDeduction(
    @Arg('roundId', () => ID) roundId: string,
    @Arg('input') input: DeductionInput,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey: string | null,
    @Ctx() ctx: AssessmentContext,
  ) {
    return ctx.rounds.score(ctx.caller, roundId, input, EntryKind.DEDUCTION, idempotencyKey ?? ctx.idempotencyKey);
  }

  @Mutation(() => AssessmentRound, { description: '结束考核 — close the round: score, grade, stars, frozen with the facts used' })
  closeAssessmentRound(@Arg('id', () => ID) id: string, @Ctx() ctx: AssessmentContext) {
    return ctx.rounds.close(ctx.caller, id);
  }
}

@Resolver(() => Organization)
export class OrganizationAssessmentResolver {
  @FieldResolver(() => AssessmentRound, { nullable: true, description: '年度考核 — score, rank, stars and phase of a year' })
  async assessment(@Root() o: Organization, @Arg('year', () => Int) year: number, @Ctx() ctx: AssessmentContext) {
    const node = await ctx.loaders.nodes.load(o.id);
    if (!node) return null;
    assertAllowed(ctx.caller, 'assessment.scores', { path: node.path }, node.name);
    return ctx.loaders.roundOf(year).load(o.id);
  }
}
