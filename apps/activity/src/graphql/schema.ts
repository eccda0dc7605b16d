import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@partybuild/federation';
import { ActivityQueryResolver } from './activity-query.resolver';
import { ActivityMutationResolver } from './activity-mutation.resolver';
import { ActivityFieldsResolver, AttendanceEntryResolver, NominationResolver } from './activity-fields.resolver';
import { OrganizationActivityResolver } from './organization-fields.resolver';
import { MemberAttendanceResolver } from './member-fields.resolver';
import { referenceResolvers } from './stubs';

export function buildActivitySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        ActivityQueryResolver,
        ActivityMutationResolver,
        ActivityFieldsResolver,
        AttendanceEntryResolver,
        NominationResolver,
        OrganizationActivityResolver,
        MemberAttendanceResolver,
      ],
    },
    referenceResolvers,
  );
}
