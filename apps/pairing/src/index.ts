// What tools (launcher, composition, benchmarks, reconciliation) may use of this deployable.
export { startPairingService } from './pairing-service';
export { pairingConfig, loadPairingConfig } from './config';
export type { PairingConfig } from './config';
export { buildPairingSchema } from './graphql/schema';
export { suggestPairs } from './domain/suggestions';
export type { Helper, Needy, SuggestionResult } from './domain/suggestions';
export { PAIRING_RULES_HISTORY } from './reference/pairing-rules';
export { starRatingHandlers, STARS_RATED } from './projections/star-rating-projection';
export { pairingMigrations } from './migrations';
export { summaries as pairingSummaries } from './application/summary-queries';
