import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@partybuild/federation';
import { OrganizationPairingResolver, PairResolver, VillageProfileResolver } from './pair.resolver';
import { MemberWorkResolver, MicroWishResolver, OrganizationWorkResolver, PairWorkResolver, WorkResolver } from './work.resolver';
import { OrganizationRecordResolver, RecordResolver } from './record.resolver';
import { referenceResolvers } from './stubs';

export function buildPairingSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        PairResolver,
        OrganizationPairingResolver,
        VillageProfileResolver,
        WorkResolver,
        OrganizationWorkResolver,
        MemberWorkResolver,
        PairWorkResolver,
        MicroWishResolver,
        RecordResolver,
        OrganizationRecordResolver,
      ],
    },
    referenceResolvers,
  );
}
