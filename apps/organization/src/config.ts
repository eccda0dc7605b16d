import { loadConfig, serviceEnv, z } from '@partybuild/config';

export const organizationEnv = {
  ...serviceEnv,
  PORT: serviceEnv.PORT.default(4101),
  /** The district's time zone decides what "today" is for terms and dates. */
  TIME_ZONE: z.string().default('Asia/Shanghai'),
};

export type OrganizationConfig = ReturnType<typeof loadOrganizationConfig>;

export const loadOrganizationConfig = (env: NodeJS.ProcessEnv = process.env) => loadConfig(organizationEnv, env);
