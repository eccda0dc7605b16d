import type { DataSource } from 'typeorm';
import type { RequestContext } from '@partybuild/federation';
import type { PairCommands } from '../application/pair-commands';
import type { SuggestionQueries } from '../application/suggestion-queries';
import type { ServiceCommands } from '../application/service-commands';
import type { WishCommands } from '../application/wish-commands';
import type { VisitCommands } from '../application/visit-commands';
import type { PairingQueries } from '../application/pairing-queries';
import type { RecordCommands } from '../application/record-commands';
import type { ResidentDataReader } from '../application/resident-data';
import type { PairingLoaders } from './loaders';

export interface PairingContext extends RequestContext {
  loaders: PairingLoaders;
  pairs: PairCommands;
  suggestions: SuggestionQueries;
  services: ServiceCommands;
  wishes: WishCommands;
  visits: VisitCommands;
  queries: PairingQueries;
  records: RecordCommands;
  /** Residents of micro-wishes, masked or in clear and audited. */
  residents: ResidentDataReader;
  today: () => string;
  dataSource: DataSource;
}
