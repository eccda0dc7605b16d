import type { RequestContext } from '@partybuild/federation';
import type { OrganizationCommands } from '../application/organization-commands';
import type { CommitteeCommands } from '../application/committee-commands';
import type { OrganizationQueries } from '../application/organization-queries';
import type { OrganizationLoaders } from './loaders';

export interface OrganizationContext extends RequestContext {
  loaders: OrganizationLoaders;
  queries: OrganizationQueries;
  commands: OrganizationCommands;
  committees: CommitteeCommands;
  today: () => string;
}
