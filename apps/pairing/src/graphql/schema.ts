import type { GraphQLSchema } from 'graphql';
import { buildFederatedSchema } from '@partybuild/federation';
import { OrganizationPairingResolver, PairResolver } from './pair.resolver';
import { referenceResolvers } from './stubs';

export function buildPairingSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({ resolvers: [PairResolver, OrganizationPairingResolver] }, referenceResolvers);
}
