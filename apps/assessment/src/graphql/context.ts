import type { RequestContext } from '@partybuild/federation';
import type { AssessmentServices } from '../application/services';

export interface AssessmentContext extends RequestContext, AssessmentServices {}
