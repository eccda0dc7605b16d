import type { RequestContext } from '@partybuild/federation';
import type { ActivityCommands } from '../application/activity-commands';
import type { ActivityQueries } from '../application/activity-queries';
import type { ComplianceQueries } from '../application/compliance-queries';
import type { ActivityLoaders } from './loaders';

export interface ActivityContext extends RequestContext {
  loaders: ActivityLoaders;
  queries: ActivityQueries;
  compliance: ComplianceQueries;
  commands: ActivityCommands;
  today: () => string;
}
