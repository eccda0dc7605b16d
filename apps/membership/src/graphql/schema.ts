import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@partybuild/federation';
import { MemberQueryResolver } from './member-query.resolver';
import { MemberFieldsResolver, TransferFieldsResolver } from './member-fields.resolver';
import { MemberMutationResolver } from './member-mutation.resolver';
import { OrganizationMembersResolver } from './organization-members.resolver';
import { resolveOrganizationReference } from './organization.stub';
import { resolveMemberReference } from './member-reference';

export function buildMembershipSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [MemberQueryResolver, MemberFieldsResolver, TransferFieldsResolver, MemberMutationResolver, OrganizationMembersResolver],
    },
    {
      Organization: { __resolveReference: resolveOrganizationReference },
      Member: { __resolveReference: resolveMemberReference },
    },
  );
}
