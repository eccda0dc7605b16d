import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@partybuild/federation';
import { AssessmentQueryResolver } from './query.resolver';
import { referenceResolvers } from './stubs';

export function buildAssessmentSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [AssessmentQueryResolver] }, referenceResolvers);
}
