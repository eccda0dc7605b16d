import type { EntityManager } from 'typeorm';
import type { EventEnvelope, EventHandler } from '@partybuild/events';

/**
 * The assessment service publishes each organisation's stars when a year's round closes
 * (`assessment.stars-rated` on `partybuild.assessment`). Until that contract is in
 * libs/contracts the type and payload are declared here; the consumer subscribes to the topic
 * once it is (see README, "Events").
 */
export const STARS_RATED = 'assessment.stars-rated';

export interface StarsRated {
  organizationId: string;
  year: number;
  stars: number;
  finalScore: number;
}

async function keepRating(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const r = event.data as unknown as StarsRated;
  await manager.query(
    `INSERT INTO star_rating (organization_id, year, stars, final_score, as_of) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (organization_id, year) DO UPDATE SET stars = EXCLUDED.stars, final_score = EXCLUDED.final_score, as_of = EXCLUDED.as_of
     WHERE star_rating.as_of <= EXCLUDED.as_of`,
    [r.organizationId, r.year, r.stars, r.finalScore, event.time],
  );
}

export const starRatingHandlers: Record<string, { versions: number[]; handle: EventHandler }> = {
  [STARS_RATED]: { versions: [1], handle: keepRating },
};
