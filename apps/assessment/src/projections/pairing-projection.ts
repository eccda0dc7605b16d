import type { EntityManager } from 'typeorm';
import { PairingEventType, PairSnapshot, ProblemSnapshot, ServiceSnapshot, WishSnapshot } from '@partybuild/contracts';
import type { EventEnvelope, HandlerEntry } from '@partybuild/events';
import { PioneerFact } from '../domain/pioneer';
import type { AssessmentRules } from '../reference/assessment-rules';
import { markPublished } from './published';

/** What one pairing aggregate tells assessment about one organisation it concerns. */
interface PairingRow {
  sourceId: string;
  organizationId: string;
  kind: 'PAIR' | 'SERVICE' | 'WISH' | 'PROBLEM';
  day: string;
  status: string;
  doneOn: string | null;
  daysToResolve: number | null;
}

/** Newest snapshot wins, as for every read model here: an older event arriving late changes nothing. */
async function upsert(manager: EntityManager, rows: PairingRow[], asOf: string): Promise<void> {
  await manager.query(
    `INSERT INTO pairing_fact (source_id, organization_id, kind, day, status, done_on, days_to_resolve, as_of)
     SELECT r."sourceId", r."organizationId", r.kind, r.day, r.status, r."doneOn", r."daysToResolve", $2
     FROM jsonb_to_recordset($1::jsonb) AS r("sourceId" uuid, "organizationId" uuid, kind text, day date, status text, "doneOn" date, "daysToResolve" int)
     ON CONFLICT (source_id, organization_id) DO UPDATE SET kind = EXCLUDED.kind, day = EXCLUDED.day, status = EXCLUDED.status,
       done_on = EXCLUDED.done_on, days_to_resolve = EXCLUDED.days_to_resolve, as_of = EXCLUDED.as_of
     WHERE pairing_fact.as_of <= EXCLUDED.as_of`,
    [JSON.stringify(rows), asOf],
  );
}

const pair = (p: PairSnapshot): PairingRow[] =>
  [p.helperId, p.helpedId].map((organizationId) => ({
    sourceId: p.id,
    organizationId,
    kind: 'PAIR',
    day: p.startsOn ?? p.proposedOn,
    status: p.status,
    doneOn: p.endedOn,
    daysToResolve: null,
  }));

/** A service counts for the unit that delivered it and for the one it served. */
const service = (s: ServiceSnapshot): PairingRow[] =>
  [...new Set([s.helperId, s.helpedId])].map((organizationId) => ({
    sourceId: s.id,
    organizationId,
    kind: 'SERVICE',
    day: s.deliveredOn,
    status: 'DELIVERED',
    doneOn: s.deliveredOn,
    daysToResolve: null,
  }));

const wish = (w: WishSnapshot): PairingRow => ({
  sourceId: w.id,
  organizationId: w.organizationId,
  kind: 'WISH',
  day: w.postedOn,
  status: w.status,
  doneOn: w.fulfilledOn,
  daysToResolve: null,
});

const problem = (p: ProblemSnapshot): PairingRow => ({
  sourceId: p.id,
  organizationId: p.organizationId,
  kind: 'PROBLEM',
  day: p.collectedOn,
  status: p.status,
  doneOn: p.resolvedOn,
  daysToResolve: p.daysToResolve,
});

/** 微心愿: the member who claimed a wish earns its points once it is fulfilled, in the month fulfilled. */
function wishHandler(rules: (year: number) => AssessmentRules) {
  return async (event: EventEnvelope, manager: EntityManager): Promise<void> => {
    const { wish: w } = event.data as unknown as { wish: WishSnapshot };
    await upsert(manager, [wish(w)], event.time);
    await markPublished(manager, PioneerFact.MICRO_WISH, event.time);
    if (w.status !== 'FULFILLED' || !w.claimedBy || !w.fulfilledOn) return;
    await manager.query(
      `INSERT INTO pioneer_point (member_id, fact, source_id, month, points, detail)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
      [
        w.claimedBy,
        PioneerFact.MICRO_WISH,
        w.id,
        w.fulfilledOn.slice(0, 7),
        rules(Number(w.fulfilledOn.slice(0, 4))).pioneerWeights.microWishFulfilled,
        `完成微心愿 ${w.fulfilledOn}`,
      ],
    );
  };
}

/**
 * 结对服务: each member the service names (schema version 3) earns its points once, in the month
 * delivered. A version-2 service counted its members without naming them: it credits nobody.
 */
function serviceHandler(rules: (year: number) => AssessmentRules) {
  return async (event: EventEnvelope, manager: EntityManager): Promise<void> => {
    const { service: s } = event.data as unknown as { service: ServiceSnapshot };
    await upsert(manager, service(s), event.time);
    if (!s.memberIds) return;
    await markPublished(manager, PioneerFact.PAIRING_SERVICE, event.time);
    if (s.memberIds.length === 0) return;
    await manager.query(
      `INSERT INTO pioneer_point (member_id, fact, source_id, month, points, detail)
       SELECT m, $2, $3, $4, $5, $6 FROM unnest($1::uuid[]) AS m ON CONFLICT DO NOTHING`,
      [
        s.memberIds,
        PioneerFact.PAIRING_SERVICE,
        s.id,
        s.deliveredOn.slice(0, 7),
        rules(Number(s.deliveredOn.slice(0, 4))).pioneerWeights.pairingService,
        `参加结对服务 ${s.deliveredOn}`,
      ],
    );
  };
}

/** Pairing events were first published at the platform's version 2 (envelope with the path text). */
const v2 = (handle: HandlerEntry['handle']): HandlerEntry => ({ versions: [2], handle });
const rowsOf =
  <T>(key: string, toRows: (snapshot: T) => PairingRow[] | PairingRow) =>
  (event: EventEnvelope, manager: EntityManager) =>
    upsert(manager, [toRows((event.data as Record<string, unknown>)[key] as T)].flat(), event.time);

/**
 * The pairing events assessment judges by (结对共建服务, 微心愿, 有呼必应). Profiles, capacities,
 * member pairs and visits score nothing here: they are read and dropped, so they are not
 * parked as unknown.
 */
export function pairingHandlers(rules: (year: number) => AssessmentRules): Record<string, HandlerEntry> {
  const pairs = v2(rowsOf<PairSnapshot>('pair', pair));
  const problems = v2(rowsOf<ProblemSnapshot>('problem', problem));
  const wishes = v2(wishHandler(rules));
  const ignored = v2(async () => undefined);
  return {
    [PairingEventType.PAIR_PROPOSED]: pairs,
    [PairingEventType.PAIR_ACTIVATED]: pairs,
    [PairingEventType.PAIR_ENDED]: pairs,
    [PairingEventType.SERVICE_RECORDED]: v2(serviceHandler(rules)),
    [PairingEventType.WISH_POSTED]: wishes,
    [PairingEventType.WISH_CLAIMED]: wishes,
    [PairingEventType.WISH_FULFILLED]: wishes,
    [PairingEventType.WISH_EXPIRED]: wishes,
    [PairingEventType.PROBLEM_COLLECTED]: problems,
    [PairingEventType.PROBLEM_RESOLVED]: problems,
    [PairingEventType.PROBLEM_ESCALATED]: problems,
    [PairingEventType.PROFILE_SET]: ignored,
    [PairingEventType.CAPACITY_SET]: ignored,
    [PairingEventType.MEMBER_PAIR_CREATED]: ignored,
    [PairingEventType.MEMBER_PAIR_ENDED]: ignored,
    [PairingEventType.VISITS_RECORDED]: ignored,
  };
}
