import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@partybuild/federation';
import { AssessmentQueryResolver } from './query.resolver';
import { SchemeResolver } from './scheme.resolver';
import { AssessmentRoundResolver, OrganizationAssessmentResolver } from './round.resolver';
import { referenceResolvers } from './stubs';

export function buildAssessmentSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [AssessmentQueryResolver, SchemeResolver, AssessmentRoundResolver, OrganizationAssessmentResolver] },
    referenceResolvers,
  );
}
