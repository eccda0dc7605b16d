import type { EntityManager } from 'typeorm';
import { AssessmentEventType, type StarsRatedData } from '@partybuild/contracts';
import type { EventEnvelope, EventHandler } from '@partybuild/events';

/**
 * The assessment service publishes each organisation's stars when a year's round closes
 * (`assessment.stars-rated` on `partybuild.assessment`, libs/contracts/src/assessment-events.ts).
 * Pairing keeps them in `star_rating`; every other assessment type is acknowledged and skipped
 * (an unknown type would be parked).
 */
export const STARS_RATED = AssessmentEventType.STARS_RATED;

/**
 * Assessment events are written at envelope schema version 2 (with `organizationpathtext`);
 * version 1 carried the same data. `assessment.stars-rated` is at 3, which only adds fields
 * pairing does not read (veto, 十佳 rule, pioneer index).
 */
const VERSIONS = [1, 2, 3];

async function keepRating(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const r = event.data as unknown as StarsRatedData;
  await manager.query(
    `INSERT INTO star_rating (organization_id, year, stars, final_score, as_of) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (organization_id, year) DO UPDATE SET stars = EXCLUDED.stars, final_score = EXCLUDED.final_score, as_of = EXCLUDED.as_of
     WHERE star_rating.as_of <= EXCLUDED.as_of`,
    [r.organizationId, r.year, r.stars, r.finalScore, event.time],
  );
}

/** Nothing pairing needs: read and acknowledged. */
const acknowledge: EventHandler = async () => {};

export const starRatingHandlers: Record<string, { versions: number[]; handle: EventHandler }> = {
  ...Object.fromEntries(Object.values(AssessmentEventType).map((type) => [type, { versions: VERSIONS, handle: acknowledge }])),
  [AssessmentEventType.STARS_RATED]: { versions: VERSIONS, handle: keepRating },
};
