import type { RequestContext } from '@partybuild/federation';
import type { PairCommands } from '../application/pair-commands';
import type { SuggestionQueries } from '../application/suggestion-queries';
import type { PairingLoaders } from './loaders';

export interface PairingContext extends RequestContext {
  loaders: PairingLoaders;
  pairs: PairCommands;
  suggestions: SuggestionQueries;
  today: () => string;
}
