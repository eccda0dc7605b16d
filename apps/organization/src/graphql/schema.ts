import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@partybuild/federation';
import { OrganizationQueryResolver } from './organization-query.resolver';
import { OrganizationFieldsResolver } from './organization-fields.resolver';
import { OrganizationMutationResolver } from './organization-mutation.resolver';
import { resolveOrganizationReference } from './organization-reference';

export function buildOrganizationSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [OrganizationQueryResolver, OrganizationFieldsResolver, OrganizationMutationResolver] },
    { Organization: { __resolveReference: resolveOrganizationReference } },
  );
}
