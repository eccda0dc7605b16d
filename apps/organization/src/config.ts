import { ConfigOf, defineConfig, subgraphService } from '@partybuild/config';

/** The organisation service reads only what every subgraph reads. */
export const organizationConfig = defineConfig(...subgraphService(4101));

export type OrganizationConfig = ConfigOf<typeof organizationConfig>;

export const loadOrganizationConfig = (env: NodeJS.ProcessEnv = process.env) => organizationConfig.load(env);
