import { buildSubgraphSchema } from '@apollo/subgraph';
import { IResolvers, printSchemaWithDirectives } from '@graphql-tools/utils';
import { GraphQLSchema, parse } from 'graphql';
import { BuildSchemaOptions, buildSchema, createResolversMap } from 'type-graphql';
import { guardInputs } from './input-guard';

/** The Federation 2 features our subgraphs use. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides"])';

export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any) => unknown }>;

/**
 * type-graphql schema → Apollo Federation 2 subgraph schema. Entities declare
 * `@Directive('@key(fields: "id")')`; their reference resolvers are plain functions passed here.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true, validate: false });
  const resolvers = createResolversMap(schema) as IResolvers;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference };
  }
  const typeDefs = parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  return guardInputs(buildSubgraphSchema({ typeDefs, resolvers: resolvers as any }));
}
