import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Scheme, SchemeInput } from './scheme.type';
import type { AssessmentContext } from './context';
import { withLimit } from '@partybuild/federation';
import { TEXT } from '../reference/assessment-rules';

const KEY = { nullable: true, description: '幂等键 — a repeat with the same key returns the first result (or the Idempotency-Key header)' };

@Resolver(() => Scheme)
export class SchemeResolver {
  @Query(() => [Scheme], { description: '考核方案 — the schemes of a year' })
  assessmentSchemes(
    @Arg('year', () => Int) year: number,
    @Arg('organizationKind', () => String, {
      nullable: true,
      description: withLimit('组织类别 — only schemes for this kind', TEXT.organizationKind),
    })
    organizationKind: string | null,
    @Ctx() ctx: AssessmentContext,
  ) {
    return ctx.schemes.list(year, organizationKind);
  }

  @Mutation(() => Scheme, { description: '制定考核方案 — a scheme whose maxima add up (refused naming the node that does not)' })
  createAssessmentScheme(
    @Arg('input') input: SchemeInput,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey: string | null,
    @Ctx() ctx: AssessmentContext,
  ) {
    return ctx.schemes.create(ctx.caller, input, idempotencyKey ?? ctx.idempotencyKey);
  }

  @Mutation(() => Scheme, { description: '修改考核方案 — only a scheme no round has used' })
  updateAssessmentScheme(@Arg('id', () => ID) id: string, @Arg('input') input: SchemeInput, @Ctx() ctx: AssessmentContext) {
    return ctx.schemes.update(ctx.caller, id, input);
  }

  @Mutation(() => Scheme, { description: '复制考核方案 — the next year’s scheme, as a copy that can change' })
  copyAssessmentScheme(
    @Arg('id', () => ID) id: string,
    @Arg('year', () => Int) year: number,
    @Arg('idempotencyKey', () => String, KEY) idempotencyKey: string | null,
    @Ctx() ctx: AssessmentContext,
  ) {
    return ctx.schemes.copy(ctx.caller, id, year, idempotencyKey ?? ctx.idempotencyKey);
  }
}
