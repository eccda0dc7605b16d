import { performance } from 'node:perf_hooks';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { allowed, assertAllowed } from '@partybuild/auth';
import { LocalDateScalar, withLimit } from '@partybuild/federation';
import { PairingErrors } from '../errors';
import { assertPairInScope } from '../application/pair-commands';
import { pairById } from '../application/pair-rows';
import { branchSuggestions } from '../application/suggestion-queries';
import { Pair, PairSuggestion, PairingSuggestions, VillageProfile, VillageTypeSuggestion } from './pair.type';
import { VillageType, isVillageSector } from '../domain/kinds';
import { TEXT, pairingRulesOn } from '../reference/pairing-rules';
import { ProposePairInput, VillageProfileInput } from './pair.inputs';
import { Organization, organizationRef } from './stubs';
import type { PairingContext } from './context';

@Resolver(() => Pair)
export class PairResolver {
  @Query(() => Pair, { description: '按ID查询结对 — a pair by id' })
  async pair(@Arg('id', () => ID) id: string, @Ctx() ctx: PairingContext) {
    const manager = ctx.pairs.manager;
    const pair = await pairById(manager, id);
    if (!pair) throw PairingErrors.PAIR_NOT_FOUND({ id });
    await assertPairInScope(manager, ctx.caller, pair, 'pairing.read');
    return pair;
  }

  @Query(() => PairingSuggestions, {
    description: '结对建议 — the optimal pairing of villages needing a partner with agencies, each with its reason',
  })
  async pairingSuggestions(@Arg('under', () => ID, { nullable: true }) under: string | null, @Ctx() ctx: PairingContext) {
    const started = performance.now();
    const result = await ctx.suggestions.suggest(ctx.caller, under ?? null);
    return {
      suggestions: result.suggestions.map((s) => ({ ...s, helper: { id: s.helperId }, helped: { id: s.helpedId } })),
      uncovered: result.uncovered.map((u) => ({ organization: { id: u.helpedId }, reason: u.reason })),
      needing: result.needing,
      totalScore: result.totalScore,
      computedInMs: Math.round((performance.now() - started) * 10) / 10,
    };
  }

  @Query(() => [PairSuggestion], {
    description: '强弱支部结对建议 — the lowest-rated branches of the year paired with top-rated ones (from the assessment’s star ratings)',
  })
  async branchPairSuggestions(@Arg('year', () => Int) year: number, @Ctx() ctx: PairingContext) {
    const { suggestions } = await branchSuggestions(ctx.dataSource, ctx.caller, year, ctx.today());
    return suggestions.map((s) => ({ ...s, rule: 'STRONG→WEAK', helper: { id: s.helperId }, helped: { id: s.helpedId } }));
  }

  @Mutation(() => VillageProfile, { description: '设置村（社区）结对档案 — set a village or community’s type and facts' })
  async setVillageProfile(@Arg('input') input: VillageProfileInput, @Ctx() ctx: PairingContext) {
    const id = await ctx.pairs.setVillageProfile(ctx.caller, input);
    return ctx.loaders.profiles.load(id);
  }

  @Mutation(() => Int, { description: '设置机关结对容量 — how many villages an agency can take; returns it' })
  async setPairingCapacity(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('capacity', () => Int) capacity: number,
    @Ctx() ctx: PairingContext,
  ) {
    await ctx.pairs.setCapacity(ctx.caller, organizationId, capacity);
    return capacity;
  }

  @Mutation(() => Pair, { description: '拟结对 — propose a pair (by hand or from a suggestion)' })
  proposePair(
    @Arg('input') input: ProposePairInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: PairingContext,
  ) {
    return ctx.pairs.propose(ctx.caller, { ...input, idempotencyKey: idempotencyKey ?? ctx.idempotencyKey ?? null });
  }

  @Mutation(() => Pair, { description: '启动结对 — a proposed pair takes effect' })
  activatePair(
    @Arg('id', () => ID) id: string,
    @Arg('startsOn', () => LocalDateScalar, { nullable: true }) startsOn: string | null,
    @Ctx() ctx: PairingContext,
  ) {
    return ctx.pairs.activate(ctx.caller, id, startsOn);
  }

  @Mutation(() => Pair, { description: '结束结对 — end a pair, with the reason' })
  endPair(
    @Arg('id', () => ID) id: string,
    @Arg('reason', { description: withLimit('结束原因 — why the pair ends', TEXT.endReason) }) reason: string,
    @Ctx() ctx: PairingContext,
  ) {
    return ctx.pairs.end(ctx.caller, id, reason);
  }

  @FieldResolver(() => Organization, { description: '帮扶方' })
  helper(@Root() p: Pair) {
    return organizationRef(p.helperId);
  }

  @FieldResolver(() => Organization, { description: '被帮扶方' })
  helped(@Root() p: Pair) {
    return organizationRef(p.helpedId);
  }
}

@Resolver(() => Organization)
export class OrganizationPairingResolver {
  @FieldResolver(() => [Pair], {
    description:
      '结对 — the pairs this organisation is a side of, newest first (a caller outside it sees only pairs whose other side they keep)',
  })
  async pairs(@Root() o: Organization, @Ctx() ctx: PairingContext) {
    assertAllowed(ctx.caller, 'pairing.read');
    const node = await ctx.loaders.nodes.load(o.id);
    if (!node) return [];
    const pairs = await ctx.loaders.pairsOf.load(o.id);
    if (allowed(ctx.caller, 'pairing.read', { path: node.path })) return pairs;
    const others = await Promise.all(pairs.map((p) => ctx.loaders.nodes.load(p.helperId === o.id ? p.helpedId : p.helperId)));
    return pairs.filter((_, i) => others[i] && allowed(ctx.caller, 'pairing.read', { path: (others[i] as { path: string[] }).path }));
  }

  @FieldResolver(() => VillageProfile, { nullable: true, description: '村（社区）结对档案' })
  async pairingProfile(@Root() o: Organization, @Ctx() ctx: PairingContext) {
    return ctx.loaders.profiles.load(o.id);
  }

  @FieldResolver(() => VillageTypeSuggestion, {
    nullable: true,
    description:
      '类型建议 — 弱村 suggested for a village or community whose latest star rating is low or whose 三会一课 falls short, with the facts; the district decides',
  })
  suggestedVillageType(@Root() o: Organization, @Ctx() ctx: PairingContext) {
    return suggestVillageType(o.id, ctx);
  }
}

@Resolver(() => VillageProfile)
export class VillageProfileResolver {
  @FieldResolver(() => VillageTypeSuggestion, {
    nullable: true,
    description: '类型建议 — what the facts suggest beside the type the district set (弱村 from the star rating or 三会一课)',
  })
  suggestion(@Root() p: VillageProfile, @Ctx() ctx: PairingContext) {
    return suggestVillageType(p.organizationId, ctx);
  }
}

/**
 * 弱村 from the facts pairing knows: the latest star rating at or below the rules' limit, or
 * 三会一课 落实率 below it over the window (which meetings of which period are missing). A
 * suggestion only: the district sets the type.
 */
async function suggestVillageType(id: string, ctx: PairingContext) {
  const node = await ctx.loaders.nodes.load(id);
  if (!node || !isVillageSector(node.sector) || !allowed(ctx.caller, 'pairing.read', { path: node.path })) return null;
  const rules = pairingRulesOn(ctx.today()).weakOrganization;
  const [rating, compliance] = await Promise.all([ctx.loaders.latestRatings.load(id), ctx.loaders.villageCompliance.load(id)]);
  const facts: string[] = [];
  if (rating && rating.stars <= rules.starRatingAtMost) {
    facts.push(`${rating.year}年评星定级为${rating.stars}星（${rating.finalScore}分），不高于${rules.starRatingAtMost}星`);
  }
  if (compliance.failing) facts.push(...compliance.facts);
  return facts.length ? { villageType: VillageType.WEAK_ORGANIZATION, facts } : null;
}
