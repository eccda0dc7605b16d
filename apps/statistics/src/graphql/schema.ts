import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@partybuild/federation';
import { StatisticsFieldsResolver } from './statistics-fields.resolver';
import { StatisticsQueryResolver } from './statistics-query.resolver';
import { resolveOrganizationReference } from './organization.stub';

export function buildStatisticsSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [StatisticsFieldsResolver, StatisticsQueryResolver] },
    { Organization: { __resolveReference: resolveOrganizationReference } },
  );
}
