import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import { assertAllowed } from '@partybuild/auth';
import { checkYear } from '../application/access';
import { ModelPost, ModelPostQuotaView, NominateModelPostInput } from './member.type';
import { Organization } from './stubs';
import type { AssessmentContext } from './context';
import { withLimit } from '@partybuild/federation';
import { TEXT } from '../reference/assessment-rules';

const KEY = { nullable: true, description: '幂等键 — a repeat with the same key returns the first result (or the Idempotency-Key header)' };

async function visible(ctx: AssessmentContext, id: string) {
  const node = await ctx.loaders.nodes.load(id);
  if (node) assertAllowed(ctx.caller, 'assessment.modelPosts', { path: node.path }, node.name);
  return node;
}

@Resolver(() => Organization)
export class OrganizationModelPostResolver {
  @FieldResolver(() => [ModelPost], { description: '共产党员示范岗 — the year’s nominations in and below the organisation' })
  async modelPosts(@Root() o: Organization, @Arg('year', () => Int) year: number, @Ctx() ctx: AssessmentContext) {
    if (!(await visible(ctx, o.id))) return [];
    return ctx.loaders.modelPosts(checkYear(year)).load(o.id);
  }

  @FieldResolver(() => ModelPostQuotaView, { nullable: true, description: '示范岗名额 — a branch’s allowance and places taken' })
  async modelPostQuota(@Root() o: Organization, @Arg('year', () => Int) year: number, @Ctx() ctx: AssessmentContext) {
    if (!(await visible(ctx, o.id))) return null;
    return ctx.loaders.modelPostQuotas(checkYear(year)).load(o.id);
  }
}

@Resolver(() => ModelPost)
export class ModelPostResolver {
  @Mutation(() => ModelPost, {
    description: '推荐示范岗 — at most 10 % of in-service members (one below 10); refused with the number allowed',
  })
  nominateModelPost(
    @Arg('input') input: NominateModelPostInput,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey: string | null,
    @Ctx() ctx: AssessmentContext,
  ) {
    return ctx.modelPosts.nominate(ctx.caller, input, idempotencyKey ?? ctx.idempotencyKey);
  }

  @Mutation(() => ModelPost, { description: '审核示范岗 — the working committee confirms, or rejects with a reason' })
  decideModelPost(
    @Arg('id', () => ID) id: string,
    @Arg('confirm') confirm: boolean,
    @Arg('reason', () => String, { nullable: true, description: withLimit('理由 — why (required when not confirmed)', TEXT.reason) })
    reason: string | null,
    @Ctx() ctx: AssessmentContext,
  ) {
    return ctx.modelPosts.decide(ctx.caller, id, confirm, reason);
  }
}
