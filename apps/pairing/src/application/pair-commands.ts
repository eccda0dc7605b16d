import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Caller, Operation, assertAllowed } from '@partybuild/auth';
import { UnitOfWork, runOnce } from '@partybuild/persistence';
import { OrgTree } from '@partybuild/org-tree';
import type { MemberPairSnapshot, PairSnapshot } from '@partybuild/contracts';
import { PairKind, PairStatus, VillageType, isAgencySector, isVillageSector } from '../domain/kinds';
import { assertTransition, checkSides, termEnd } from '../domain/pair';
import { pairingRulesOn } from '../reference/pairing-rules';
import { PairingErrors, invalid } from '../errors';
import { activeNode, assertCanManage, assertOnAny, knownNode } from './access';
import { PairingEvent, pairingEvent, record } from './pairing-events';
import { PairRow, pairById, toSnapshot } from './pair-rows';

export interface VillageProfileInput {
  organizationId: string;
  villageType: VillageType;
  facts?: string[] | null;
  population?: number | null;
  households?: number | null;
}

export interface ProposePairInput {
  kind?: PairKind | null;
  helperId: string;
  helpedId: string;
  termMonths?: number | null;
  rule?: string | null;
  reason?: string | null;
  idempotencyKey?: string | null;
}

/** Profiles, capacities and the pair lifecycle; each call one transaction with its events. */
export class PairCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly today: () => string,
    /** For reads outside a command's transaction. */
    readonly manager: EntityManager,
  ) {}

  /** 结对档案: set by the district (or the cadres of the village's subtree). */
  async setVillageProfile(caller: Caller, input: VillageProfileInput) {
    const rules = pairingRulesOn(this.today());
    for (const [field, value] of [
      ['population', input.population],
      ['households', input.households],
    ] as const) {
      if (value != null && (!Number.isInteger(value) || value < 0 || value > 10_000_000)) throw invalid(field, '须为 0 至 10000000 的整数');
    }
    const facts = (input.facts ?? []).map((f) => f.trim()).filter(Boolean);
    if (facts.length > 20 || facts.some((f) => [...f].length > rules.text.title)) {
      throw invalid('facts', `最多 20 条，每条不超过 ${rules.text.title} 个字`);
    }
    return this.unitOfWork.run(async (manager) => {
      const node = await activeNode(manager, caller, input.organizationId);
      if (!isVillageSector(node.sector)) throw PairingErrors.NOT_A_VILLAGE({ name: node.name });
      await manager.query(
        `INSERT INTO village_profile (organization_id, village_type, facts, population, households, set_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, now())
         ON CONFLICT (organization_id) DO UPDATE SET village_type = EXCLUDED.village_type, facts = EXCLUDED.facts,
           population = EXCLUDED.population, households = EXCLUDED.households, set_by = EXCLUDED.set_by, updated_at = now()`,
        [node.id, input.villageType, facts, input.population ?? null, input.households ?? null, caller.subject],
      );
      const data = {
        organizationId: node.id,
        villageType: input.villageType,
        facts,
        population: input.population ?? null,
        households: input.households ?? null,
      };
      await record(manager, [pairingEvent(PairingEvent.PROFILE_SET, node.id, node, caller.subject, data)]);
      return node.id;
    });
  }

  /** 结对容量: how many villages an agency takes. */
  async setCapacity(caller: Caller, organizationId: string, capacity: number) {
    const rules = pairingRulesOn(this.today());
    if (!Number.isInteger(capacity) || capacity < 0 || capacity > rules.maxCapacity) {
      throw PairingErrors.CAPACITY_OUT_OF_RANGE({ max: rules.maxCapacity }, { field: 'capacity' });
    }
    return this.unitOfWork.run(async (manager) => {
      const node = await activeNode(manager, caller, organizationId);
      if (!isAgencySector(node.sector)) throw PairingErrors.NOT_AN_AGENCY({ name: node.name });
      await manager.query(
        `INSERT INTO agency_capacity (organization_id, capacity, set_by, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (organization_id) DO UPDATE SET capacity = EXCLUDED.capacity, set_by = EXCLUDED.set_by, updated_at = now()`,
        [node.id, capacity, caller.subject],
      );
      await record(manager, [
        pairingEvent(PairingEvent.CAPACITY_SET, node.id, node, caller.subject, { organizationId: node.id, capacity }),
      ]);
      return node.id;
    });
  }

  /** 拟结对: a pair proposed by hand or from a suggestion. The caller must have the helped side in scope. */
  async propose(caller: Caller, input: ProposePairInput): Promise<PairRow> {
    assertCanManage(caller);
    const kind = input.kind ?? PairKind.AGENCY_VILLAGE;
    const rules = pairingRulesOn(this.today());
    const term = input.termMonths ?? rules.defaultTermMonths;
    if (!Number.isInteger(term) || term < 1 || term > rules.maxTermMonths) {
      throw PairingErrors.TERM_OUT_OF_RANGE({ max: rules.maxTermMonths }, { field: 'termMonths' });
    }
    const reason = input.reason?.trim() || null;
    if (reason && [...reason].length > rules.text.outcome) throw invalid('reason', `不超过 ${rules.text.outcome} 个字`);
    const id = await this.unitOfWork.run(async (manager) => {
      const scope = input.idempotencyKey ? { caller: caller.subject, operation: 'proposePair', key: input.idempotencyKey } : null;
      const { idempotencyKey: _key, ...fingerprint } = input;
      void _key;
      const done = await runOnce(manager, scope, fingerprint, async () => {
        const nodes = await new OrgTree(manager).nodes([input.helperId, input.helpedId]);
        const helper = nodes.get(input.helperId) ?? (await knownNode(manager, input.helperId));
        const helped = nodes.get(input.helpedId) ?? (await knownNode(manager, input.helpedId));
        assertOnAny(caller, 'pairing.manage', [helped, helper]);
        checkSides(kind, helper, helped);
        // Serialise proposals per helper, so two at once cannot both take its last place.
        await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 1))', [`pair-helper:${helper.id}`]);
        await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 1))', [`pair-helped:${helped.id}:${kind}`]);
        const [open] = await manager.query(
          `SELECT p.helper_id, n.name FROM org_pair p LEFT JOIN org_node n ON n.id = p.helper_id
           WHERE p.helped_id = $1 AND p.kind = $2 AND p.status <> 'ENDED'`,
          [helped.id, kind],
        );
        if (open) throw PairingErrors.ALREADY_PAIRED({ helped: helped.name, helper: open.name ?? open.helper_id });
        if (kind === PairKind.AGENCY_VILLAGE) await this.assertCapacity(manager, helper.id, helper.name, rules.defaultCapacity);
        const pairId = randomUUID();
        await manager.query(
          `INSERT INTO org_pair (id, kind, helper_id, helped_id, status, rule, reason, proposed_on, term_months, created_by)
           VALUES ($1, $2, $3, $4, 'PROPOSED', $5, $6, $7, $8, $9)`,
          [pairId, kind, helper.id, helped.id, input.rule ?? null, reason, this.today(), term, caller.subject],
        );
        const pair = (await pairById(manager, pairId)) as PairRow;
        await record(manager, [pairEvent(PairingEvent.PAIR_PROPOSED, pair, helped.path, caller.subject)]);
        return pairId;
      });
      return done.id;
    });
    return (await pairById(this.manager, id)) as PairRow;
  }

  /** 启动结对: the pair takes effect on `startsOn` (default today) for its term. */
  async activate(caller: Caller, pairId: string, startsOn?: string | null): Promise<PairRow> {
    return this.transition(caller, pairId, PairStatus.ACTIVE, async (manager, pair) => {
      const start = startsOn ?? this.today();
      const helper = await knownNode(manager, pair.helperId);
      const helped = await knownNode(manager, pair.helpedId);
      checkSides(pair.kind, helper, helped);
      await manager.query(`UPDATE org_pair SET status = 'ACTIVE', starts_on = $2, ends_on = $3 WHERE id = $1`, [
        pair.id,
        start,
        termEnd(start, pair.termMonths),
      ]);
      return PairingEvent.PAIR_ACTIVATED;
    });
  }

  /** 结束结对, with the reason. */
  async end(caller: Caller, pairId: string, reason: string): Promise<PairRow> {
    const why = reason.trim();
    const max = pairingRulesOn(this.today()).text.endReason;
    if (!why || [...why].length > max) throw invalid('reason', `请写明结束原因（1–${max} 个字）`);
    return this.transition(caller, pairId, PairStatus.ENDED, async (manager, pair) => {
      await manager.query(`UPDATE org_pair SET status = 'ENDED', ended_on = $2, end_reason = $3 WHERE id = $1`, [
        pair.id,
        this.today(),
        why,
      ]);
      // Member pairs under it end with it, each with its event.
      // An UPDATE … RETURNING answers [rows, count].
      const [ended]: [Array<MemberPairSnapshot & { path: string[]; organizationId: string }>, number] = await manager.query(
        `UPDATE member_pair mp SET ends_on = $2 FROM member m LEFT JOIN org_node n ON n.id = m.organization_id
         WHERE mp.pair_id = $1 AND mp.ends_on IS NULL AND m.id = mp.rural_member_id
         RETURNING mp.id, mp.agency_member_id AS "agencyMemberId", mp.rural_member_id AS "ruralMemberId", mp.pair_id AS "pairId",
           mp.starts_on::text AS "startsOn", mp.ends_on::text AS "endsOn", m.organization_id AS "organizationId", coalesce(n.path, '{}') AS path`,
        [pair.id, this.today()],
      );
      await record(
        manager,
        ended.map(({ path, organizationId, ...memberPair }) =>
          pairingEvent(PairingEvent.MEMBER_PAIR_ENDED, memberPair.id, { id: organizationId, path }, caller.subject, { memberPair }),
        ),
      );
      return PairingEvent.PAIR_ENDED;
    });
  }

  private async transition(
    caller: Caller,
    pairId: string,
    to: PairStatus,
    apply: (manager: EntityManager, pair: PairRow) => Promise<string>,
  ): Promise<PairRow> {
    assertCanManage(caller);
    return this.unitOfWork.run(async (manager) => {
      const [locked] = await manager.query(`SELECT id FROM org_pair WHERE id = $1 FOR UPDATE`, [pairId]);
      const pair = locked ? await pairById(manager, pairId) : null;
      if (!pair) throw PairingErrors.PAIR_NOT_FOUND({ id: pairId });
      await assertPairInScope(manager, caller, pair);
      assertTransition(pair.status, to);
      const type = await apply(manager, pair);
      const after = (await pairById(manager, pairId)) as PairRow;
      const helped = await knownNode(manager, after.helpedId);
      await record(manager, [pairEvent(type, after, helped.path, caller.subject)]);
      return after;
    });
  }

  private async assertCapacity(manager: EntityManager, helperId: string, name: string, defaultCapacity: number): Promise<void> {
    const [row] = await manager.query(
      `SELECT coalesce((SELECT capacity FROM agency_capacity WHERE organization_id = $1), $2)::int AS capacity,
              (SELECT count(*) FROM org_pair WHERE helper_id = $1 AND kind = 'AGENCY_VILLAGE' AND status <> 'ENDED')::int AS open`,
      [helperId, defaultCapacity],
    );
    if (row.open >= row.capacity) throw PairingErrors.CAPACITY_EXCEEDED({ name, capacity: row.capacity, open: row.open });
  }
}

/** A pair is the business of either side: the operation allowed on one of them. */
export async function assertPairInScope(
  manager: EntityManager,
  caller: Caller,
  pair: PairRow,
  operation: Operation = 'pairing.manage',
): Promise<void> {
  assertAllowed(caller, operation);
  const nodes = await new OrgTree(manager).nodes([pair.helpedId, pair.helperId]);
  assertOnAny(caller, operation, [...nodes.values()]);
}

export const pairEvent = (type: string, pair: PairRow, helpedPath: string[], actor: string) =>
  pairingEvent(type, pair.id, { id: pair.helpedId, path: helpedPath }, actor, { pair: toSnapshot(pair) satisfies PairSnapshot });
