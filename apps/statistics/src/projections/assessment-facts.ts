import type { EntityManager } from 'typeorm';
import { AppraisalsRecordedData, AssessmentEventType, ModelPostData, StarsRatedData } from '@partybuild/contracts';
import type { EventEnvelope, EventHandler, HandlerEntry } from '@partybuild/events';

/** Assessment events are at envelope version 2 (data as 1); `assessment.stars-rated` adds its fields at 3. */
const VERSIONS = [1, 2];

/**
 * Each organisation's rated year, the latest rating winning (a round is closed once, but a
 * replay may bring an older event after a newer one). Before version 3 the veto, the 十佳 rule
 * and the pioneer index are unknown (null) and count neither way.
 */
async function keepRating(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const r = event.data as unknown as StarsRatedData;
  await manager.query(
    `INSERT INTO stat_rating (organization_id, year, organization_kind, final_score, stars, vetoed, top_ten_count, top_ten_min_score,
       pioneer_members, pioneer_points, rated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (organization_id, year) DO UPDATE SET organization_kind = EXCLUDED.organization_kind, final_score = EXCLUDED.final_score,
       stars = EXCLUDED.stars, vetoed = EXCLUDED.vetoed, top_ten_count = EXCLUDED.top_ten_count, top_ten_min_score = EXCLUDED.top_ten_min_score,
       pioneer_members = EXCLUDED.pioneer_members, pioneer_points = EXCLUDED.pioneer_points, rated_at = EXCLUDED.rated_at
     WHERE stat_rating.rated_at <= EXCLUDED.rated_at`,
    [
      r.organizationId,
      r.year,
      r.organizationKind,
      r.finalScore,
      r.stars,
      r.vetoed ?? null,
      r.topTen?.count ?? null,
      r.topTen?.minScore ?? null,
      r.pioneerIndex?.members ?? null,
      r.pioneerIndex?.points ?? null,
      event.time,
    ],
  );
}

/** A branch's appraisal counts after each call replace the earlier ones (one branch's events stay in order). */
async function keepAppraisals(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const { branchId, year, counts } = event.data as unknown as AppraisalsRecordedData;
  await manager.query(
    `INSERT INTO stat_appraisal (branch_id, year, excellent, qualified, basically_qualified, unqualified) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (branch_id, year) DO UPDATE SET excellent = EXCLUDED.excellent, qualified = EXCLUDED.qualified,
       basically_qualified = EXCLUDED.basically_qualified, unqualified = EXCLUDED.unqualified`,
    [branchId, year, counts.EXCELLENT, counts.QUALIFIED, counts.BASICALLY_QUALIFIED, counts.UNQUALIFIED],
  );
}

/** A model post as of its latest event: the branch, the year and whether it was confirmed (no member id kept). */
async function keepModelPost(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const { modelPost: p } = event.data as unknown as ModelPostData;
  await manager.query(
    `INSERT INTO stat_model_post (post_id, branch_id, year, status) VALUES ($1, $2, $3, $4)
     ON CONFLICT (post_id) DO UPDATE SET branch_id = EXCLUDED.branch_id, year = EXCLUDED.year, status = EXCLUDED.status`,
    [p.id, p.branchId, p.year, p.status],
  );
}

/** What the figures do not count: read and acknowledged (an unknown type would be parked). */
const acknowledge: EventHandler = async () => {};

export const assessmentFactHandlers: Record<string, HandlerEntry> = {
  ...Object.fromEntries(Object.values(AssessmentEventType).map((type) => [type, { versions: VERSIONS, handle: acknowledge }])),
  [AssessmentEventType.STARS_RATED]: { versions: [...VERSIONS, 3], handle: keepRating },
  [AssessmentEventType.APPRAISALS_RECORDED]: { versions: VERSIONS, handle: keepAppraisals },
  [AssessmentEventType.MODEL_POST_NOMINATED]: { versions: VERSIONS, handle: keepModelPost },
  [AssessmentEventType.MODEL_POST_DECIDED]: { versions: VERSIONS, handle: keepModelPost },
};
