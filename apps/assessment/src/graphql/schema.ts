import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@partybuild/federation';
import { AssessmentQueryResolver } from './query.resolver';
import { SchemeResolver } from './scheme.resolver';
import { AssessmentRoundResolver, OrganizationAssessmentResolver } from './round.resolver';
import { AppraisalResolver, MemberAssessmentResolver } from './member.resolver';
import { ModelPostResolver, OrganizationModelPostResolver } from './model-post.resolver';
import { NoticeFieldsResolver, NoticeResolver, OrganizationNoticeResolver } from './notice.resolver';
import { Member, Organization, referenceResolvers } from './stubs';

export function buildAssessmentSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        AssessmentQueryResolver,
        SchemeResolver,
        AssessmentRoundResolver,
        OrganizationAssessmentResolver,
        MemberAssessmentResolver,
        AppraisalResolver,
        OrganizationModelPostResolver,
        ModelPostResolver,
        NoticeResolver,
        NoticeFieldsResolver,
        OrganizationNoticeResolver,
      ],
      // Entities this subgraph only extends with fields: kept even where no query returns them.
      orphanedTypes: [Organization, Member],
    },
    referenceResolvers,
  );
}
