import type { RequestContext } from '@partybuild/federation';
import type { AssessmentServices } from '../application/services';
import { SchemeCommands } from '../application/schemes';
import { RoundCommands } from '../application/rounds';
import { ResultQueries } from '../application/results';
import { AppraisalCommands } from '../application/appraisals';
import { ModelPostCommands } from '../application/model-posts';
import { NoticeCommands } from '../application/notices';
import { AssessmentLoaders, createLoaders } from './loaders';

export interface AssessmentContext extends RequestContext, AssessmentServices {
  loaders: AssessmentLoaders;
  schemes: SchemeCommands;
  rounds: RoundCommands;
  results: ResultQueries;
  appraisals: AppraisalCommands;
  modelPosts: ModelPostCommands;
  notices: NoticeCommands;
}

/** The per-request context: the caller, fresh DataLoaders and the application's commands and queries. */
export function createContext(services: AssessmentServices, base: RequestContext): AssessmentContext {
  return {
    ...base,
    ...services,
    loaders: createLoaders(services),
    schemes: new SchemeCommands(services),
    rounds: new RoundCommands(services),
    results: new ResultQueries(services),
    appraisals: new AppraisalCommands(services),
    modelPosts: new ModelPostCommands(services),
    notices: new NoticeCommands(services),
  };
}
