import type { GraphQLSchema } from 'graphql';

/** Every subgraph of the supergraph: its name, default URL and schema builder. */
export const SUBGRAPHS: Array<{ name: string; url: string; schemaFile: string; build(): Promise<GraphQLSchema> }> = [
  {
    name: 'organization',
    url: 'http://127.0.0.1:4101/graphql',
    schemaFile: 'apps/organization/schema.graphql',
    build: async () => (await import('@partybuild/app-organization')).buildOrganizationSchema(),
  },
];
