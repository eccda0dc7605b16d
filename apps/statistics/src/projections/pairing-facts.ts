import type { EntityManager } from 'typeorm';
import { PairSnapshot, PairingEventType, ProblemSnapshot, ServiceSnapshot, VisitsRecordedData, WishSnapshot } from '@partybuild/contracts';
import type { EventEnvelope, EventHandler, HandlerEntry } from '@partybuild/events';

const VERSIONS = [1, 2];

/**
 * Pairing events carry their aggregate as of the event and are keyed by it, so one pair's,
 * wish's or problem's events stay in order: the latest snapshot replaces the row. Residents are
 * never in the events, and nothing but organisations, dates, counts and funds is kept.
 */
const upsert =
  (sql: string, values: (data: Record<string, unknown>) => unknown[]): EventHandler =>
  async (event: EventEnvelope, manager: EntityManager) => {
    await manager.query(sql, values(event.data as Record<string, unknown>));
  };

const pair = upsert(
  `INSERT INTO stat_pair (pair_id, helper_id, helped_id, status, starts_on) VALUES ($1, $2, $3, $4, $5)
   ON CONFLICT (pair_id) DO UPDATE SET helper_id = EXCLUDED.helper_id, helped_id = EXCLUDED.helped_id, status = EXCLUDED.status,
     starts_on = EXCLUDED.starts_on`,
  (d) => {
    const p = d.pair as PairSnapshot;
    return [p.id, p.helperId, p.helpedId, p.status, p.startsOn];
  },
);

const service = upsert(
  `INSERT INTO stat_pairing_service (service_id, helper_id, helped_id, type, delivered_on, beneficiaries, funds)
   VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (service_id) DO NOTHING`,
  (d) => {
    const s = d.service as ServiceSnapshot;
    return [s.id, s.helperId, s.helpedId, s.type, s.deliveredOn, s.beneficiaries, s.funds];
  },
);

const wish = upsert(
  `INSERT INTO stat_wish (wish_id, organization_id, status, posted_on, claimed_on, fulfilled_on) VALUES ($1, $2, $3, $4, $5, $6)
   ON CONFLICT (wish_id) DO UPDATE SET organization_id = EXCLUDED.organization_id, status = EXCLUDED.status, posted_on = EXCLUDED.posted_on,
     claimed_on = EXCLUDED.claimed_on, fulfilled_on = EXCLUDED.fulfilled_on`,
  (d) => {
    const w = d.wish as WishSnapshot;
    return [w.id, w.organizationId, w.status, w.postedOn, w.claimedOn, w.fulfilledOn];
  },
);

const visits = upsert(
  `INSERT INTO stat_visit_batch (batch_id, organization_id, visits, households, first_day, last_day) VALUES ($1, $2, $3, $4, $5, $6)
   ON CONFLICT (batch_id) DO NOTHING`,
  (d) => {
    const v = d as unknown as VisitsRecordedData;
    return [v.batchId, v.organizationId, v.visits, v.households, v.firstDay, v.lastDay];
  },
);

/** An escalated problem stays open under its new assignee: `ESCALATED` is kept as announced and counted as open. */
const problem = upsert(
  `INSERT INTO stat_problem (problem_id, organization_id, status, collected_on, deadline, resolved_on) VALUES ($1, $2, $3, $4, $5, $6)
   ON CONFLICT (problem_id) DO UPDATE SET organization_id = EXCLUDED.organization_id, status = EXCLUDED.status,
     collected_on = EXCLUDED.collected_on, deadline = EXCLUDED.deadline, resolved_on = EXCLUDED.resolved_on`,
  (d) => {
    const p = d.problem as ProblemSnapshot;
    return [p.id, p.organizationId, p.status, p.collectedOn, p.deadline, p.resolvedOn];
  },
);

const acknowledge: EventHandler = async () => {};
const entry = (handle: EventHandler): HandlerEntry => ({ versions: VERSIONS, handle });
const T = PairingEventType;

export const pairingFactHandlers: Record<string, HandlerEntry> = {
  ...Object.fromEntries(Object.values(T).map((type) => [type, entry(acknowledge)])),
  [T.PAIR_PROPOSED]: entry(pair),
  [T.PAIR_ACTIVATED]: entry(pair),
  [T.PAIR_ENDED]: entry(pair),
  [T.SERVICE_RECORDED]: entry(service),
  [T.WISH_POSTED]: entry(wish),
  [T.WISH_CLAIMED]: entry(wish),
  [T.WISH_FULFILLED]: entry(wish),
  [T.WISH_EXPIRED]: entry(wish),
  [T.VISITS_RECORDED]: entry(visits),
  [T.PROBLEM_COLLECTED]: entry(problem),
  [T.PROBLEM_RESOLVED]: entry(problem),
  [T.PROBLEM_ESCALATED]: entry(problem),
};
