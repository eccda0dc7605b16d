import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { AssessmentRulesView } from './rules.type';
import type { AssessmentContext } from './context';

@Resolver()
export class AssessmentQueryResolver {
  @Query(() => AssessmentRulesView, { description: '考核规则 — the numbers in force for a year' })
  assessmentRules(@Arg('year', () => Int) year: number, @Ctx() ctx: AssessmentContext): AssessmentRulesView {
    const rules = ctx.rules(year);
    return {
      effectiveFrom: rules.effectiveFrom,
      source: rules.source,
      topTenCount: rules.topTen.count,
      topTenMinScore: rules.topTen.minScore,
      excellentRatio: rules.excellentRatio,
      modelPostRatio: rules.modelPosts.ratio,
    };
  }
}
