import type { EntityManager } from 'typeorm';
import { AppraisalsRecordedData, AssessmentEventType, ModelPostData, StarsRatedData } from '@partybuild/contracts';
import type { EventEnvelope, HandlerEntry } from '@partybuild/events';

/** Assessment events are at envelope version 2 (data as 1); `assessment.stars-rated` adds its fields at 3. */
const VERSIONS = [1, 2];

/** The last event of each key in a run: one statement may not update the same row twice. */
function lastPerKey<T>(
  events: EventEnvelope[],
  row: (event: EventEnvelope) => T,
  key: (row: T) => string,
  keep = (_old: T, _new: T) => true,
) {
  const rows = new Map<string, T>();
  for (const event of events) {
    const candidate = row(event);
    const earlier = rows.get(key(candidate));
    if (!earlier || keep(earlier, candidate)) rows.set(key(candidate), candidate);
  }
  return [...rows.values()];
}

/**
 * Each organisation's rated year, the latest rating winning (a round is closed once, but a
 * replay may bring an older event after a newer one). Before version 3 the veto, the 十佳 rule
 * and the pioneer index are unknown (null) and count neither way.
 */
async function keepRatings(events: EventEnvelope[], manager: EntityManager): Promise<void> {
  if (!events.length) return;
  const rows = lastPerKey(
    events,
    (event) => {
      const r = event.data as unknown as StarsRatedData;
      return {
        organization_id: r.organizationId,
        year: r.year,
        organization_kind: r.organizationKind,
        final_score: r.finalScore,
        stars: r.stars,
        vetoed: r.vetoed ?? null,
        top_ten_count: r.topTen?.count ?? null,
        top_ten_min_score: r.topTen?.minScore ?? null,
        pioneer_members: r.pioneerIndex?.members ?? null,
        pioneer_points: r.pioneerIndex?.points ?? null,
        rated_at: event.time,
      };
    },
    (r) => `${r.organization_id}|${r.year}`,
    (earlier, later) => Date.parse(earlier.rated_at) <= Date.parse(later.rated_at),
  );
  await manager.query(
    `INSERT INTO stat_rating (organization_id, year, organization_kind, final_score, stars, vetoed, top_ten_count, top_ten_min_score,
       pioneer_members, pioneer_points, rated_at)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(organization_id uuid, year integer, organization_kind text, final_score numeric,
       stars integer, vetoed boolean, top_ten_count integer, top_ten_min_score numeric, pioneer_members integer, pioneer_points numeric,
       rated_at timestamptz)
     ON CONFLICT (organization_id, year) DO UPDATE SET organization_kind = EXCLUDED.organization_kind, final_score = EXCLUDED.final_score,
       stars = EXCLUDED.stars, vetoed = EXCLUDED.vetoed, top_ten_count = EXCLUDED.top_ten_count, top_ten_min_score = EXCLUDED.top_ten_min_score,
       pioneer_members = EXCLUDED.pioneer_members, pioneer_points = EXCLUDED.pioneer_points, rated_at = EXCLUDED.rated_at
     WHERE stat_rating.rated_at <= EXCLUDED.rated_at`,
    [JSON.stringify(rows)],
  );
}

/** A branch's appraisal counts after each call replace the earlier ones (one branch's events stay in order). */
async function keepAppraisals(events: EventEnvelope[], manager: EntityManager): Promise<void> {
  if (!events.length) return;
  const rows = lastPerKey(
    events,
    (event) => {
      const { branchId, year, counts } = event.data as unknown as AppraisalsRecordedData;
      return {
        branch_id: branchId,
        year,
        excellent: counts.EXCELLENT,
        qualified: counts.QUALIFIED,
        basically_qualified: counts.BASICALLY_QUALIFIED,
        unqualified: counts.UNQUALIFIED,
      };
    },
    (r) => `${r.branch_id}|${r.year}`,
  );
  await manager.query(
    `INSERT INTO stat_appraisal (branch_id, year, excellent, qualified, basically_qualified, unqualified)
     SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS x(branch_id uuid, year integer, excellent integer, qualified integer, basically_qualified integer, unqualified integer)
     ON CONFLICT (branch_id, year) DO UPDATE SET excellent = EXCLUDED.excellent, qualified = EXCLUDED.qualified,
       basically_qualified = EXCLUDED.basically_qualified, unqualified = EXCLUDED.unqualified`,
    [JSON.stringify(rows)],
  );
}

/** A model post as of its latest event: the branch, the year and whether it was confirmed (no member id kept). */
async function keepModelPosts(events: EventEnvelope[], manager: EntityManager): Promise<void> {
  if (!events.length) return;
  const rows = lastPerKey(
    events,
    (event) => {
      const { modelPost: p } = event.data as unknown as ModelPostData;
      return { post_id: p.id, branch_id: p.branchId, year: p.year, status: p.status };
    },
    (r) => r.post_id,
  );
  await manager.query(
    `INSERT INTO stat_model_post (post_id, branch_id, year, status)
     SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(post_id uuid, branch_id uuid, year integer, status text)
     ON CONFLICT (post_id) DO UPDATE SET branch_id = EXCLUDED.branch_id, year = EXCLUDED.year, status = EXCLUDED.status`,
    [JSON.stringify(rows)],
  );
}

/**
 * A run of assessment events of any type: ratings, appraisal counts and model posts each in one
 * statement; what the figures do not count is read and acknowledged (an unknown type would be
 * parked). One function for every type, so a replay's runs are not cut at each change of type.
 */
async function applyAssessmentRun(events: EventEnvelope[], manager: EntityManager): Promise<void> {
  const ofType = (...types: string[]) => events.filter((e) => types.includes(e.type));
  await keepRatings(ofType(AssessmentEventType.STARS_RATED), manager);
  await keepAppraisals(ofType(AssessmentEventType.APPRAISALS_RECORDED), manager);
  await keepModelPosts(ofType(AssessmentEventType.MODEL_POST_NOMINATED, AssessmentEventType.MODEL_POST_DECIDED), manager);
}

const entry = (versions: number[]): HandlerEntry => ({
  versions,
  handle: (event, manager) => applyAssessmentRun([event], manager),
  handleMany: applyAssessmentRun,
});

export const assessmentFactHandlers: Record<string, HandlerEntry> = {
  ...Object.fromEntries(Object.values(AssessmentEventType).map((type) => [type, entry(VERSIONS)])),
  [AssessmentEventType.STARS_RATED]: entry([...VERSIONS, 3]),
};
