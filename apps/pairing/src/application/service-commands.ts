import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { Caller } from '@partybuild/auth';
import { UnitOfWork, runOnce } from '@partybuild/persistence';
import { SERVICE_RECORDED_SCHEMA_VERSION, type MemberPairSnapshot, type ServiceSnapshot } from '@partybuild/contracts';
import { checkService, ServiceFacts, ServiceType } from '../domain/service-record';
import { PairStatus, isAgencySector, isVillageSector } from '../domain/kinds';
import { pairingRulesOn } from '../reference/pairing-rules';
import { PairingErrors, invalid } from '../errors';
import { assertCanManage, assertOnAny, knownNode } from './access';
import { PairingEvent, pairingEvent, record } from './pairing-events';
import { PairRow, pairById } from './pair-rows';
import { assertPairInScope } from './pair-commands';
import { requireMembers } from './members';

export interface RecordServiceInput extends ServiceFacts {
  pairId: string;
  type: ServiceType;
}

export interface MemberPairInput {
  agencyMemberId: string;
  ruralMemberId: string;
  pairId?: string | null;
  startsOn?: string | null;
}

const key = (caller: Caller, operation: string, idempotencyKey?: string | null) =>
  idempotencyKey ? { caller: caller.subject, operation, key: idempotencyKey } : null;

/** Services delivered under a pair, and member pairs; each call one transaction with its events. */
export class ServiceCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly today: () => string,
  ) {}

  /** 登记服务: what an active pair delivered, with the members who took part. */
  async recordService(caller: Caller, input: RecordServiceInput, idempotencyKey?: string | null): Promise<string> {
    assertCanManage(caller);
    return this.unitOfWork.run(async (manager) => {
      const done = await runOnce(manager, key(caller, 'recordService', idempotencyKey), input, async () => {
        const pair = await this.activePair(manager, caller, input.pairId);
        const facts = checkService(input, this.today(), pair.startsOn, pairingRulesOn(this.today()));
        const members = await requireMembers(manager, facts.memberIds);
        const outsider = [...members.values()].find((m) => !m.path.includes(pair.helperId) && !m.path.includes(pair.helpedId));
        if (outsider) throw invalid('memberIds', `党员 ${outsider.id} 不属于结对双方的党组织`);
        const id = randomUUID();
        await manager.query(
          `INSERT INTO service_record (id, pair_id, helper_id, helped_id, type, delivered_on, beneficiaries, funds, outcome, attachments, member_ids, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::uuid[], $12)`,
          [
            id,
            pair.id,
            pair.helperId,
            pair.helpedId,
            input.type,
            facts.deliveredOn,
            facts.beneficiaries,
            facts.funds,
            facts.outcome,
            JSON.stringify(facts.attachments),
            facts.memberIds,
            caller.subject,
          ],
        );
        const helped = await knownNode(manager, pair.helpedId);
        const service: ServiceSnapshot = {
          id,
          pairId: pair.id,
          helperId: pair.helperId,
          helpedId: pair.helpedId,
          type: input.type,
          deliveredOn: facts.deliveredOn,
          period: facts.deliveredOn.slice(0, 7),
          beneficiaries: facts.beneficiaries,
          funds: facts.funds,
          memberCount: facts.memberIds.length,
          memberIds: facts.memberIds,
        };
        // Version 3: the members are named by id so the pioneer index can credit them.
        await record(manager, [
          pairingEvent(PairingEvent.SERVICE_RECORDED, id, helped, caller.subject, { service }, SERVICE_RECORDED_SCHEMA_VERSION),
        ]);
        return id;
      });
      return done.id;
    });
  }

  /** 党员结对: an agency member with a rural member; each has at most one open member pair. */
  async createMemberPair(caller: Caller, input: MemberPairInput, idempotencyKey?: string | null): Promise<string> {
    assertCanManage(caller);
    const startsOn = input.startsOn ?? this.today();
    if (input.agencyMemberId === input.ruralMemberId) throw invalid('ruralMemberId', '党员不能与自己结对');
    return this.unitOfWork.run(async (manager) => {
      const done = await runOnce(manager, key(caller, 'createMemberPair', idempotencyKey), input, async () => {
        const members = await requireMembers(manager, [input.agencyMemberId, input.ruralMemberId]);
        const agency = members.get(input.agencyMemberId)!;
        const rural = members.get(input.ruralMemberId)!;
        if (!agency.sector || !isAgencySector(agency.sector)) {
          throw PairingErrors.MEMBER_WRONG_SIDE(
            { side: '机关党员', rule: '须是机关（事业单位）党组织的党员' },
            { field: 'agencyMemberId' },
          );
        }
        if (!rural.sector || !isVillageSector(rural.sector)) {
          throw PairingErrors.MEMBER_WRONG_SIDE({ side: '农村（社区）党员', rule: '须是村或社区党组织的党员' }, { field: 'ruralMemberId' });
        }
        let pair: PairRow | null = null;
        if (input.pairId) {
          pair = await this.activePair(manager, caller, input.pairId);
          if (!agency.path.includes(pair.helperId) || !rural.path.includes(pair.helpedId)) {
            throw invalid('pairId', '两名党员须分别属于该结对的帮扶方和被帮扶方');
          }
        } else {
          assertOnAny(caller, 'pairing.manage', [
            { path: agency.path, name: '这两名党员的党组织' },
            { path: rural.path, name: '这两名党员的党组织' },
          ]);
        }
        await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 2)), pg_advisory_xact_lock(hashtextextended($2, 2))', [
          agency.id,
          rural.id,
        ]);
        const [open] = await manager.query(
          `SELECT agency_member_id, rural_member_id FROM member_pair
           WHERE ends_on IS NULL AND (agency_member_id = ANY($1::uuid[]) OR rural_member_id = ANY($1::uuid[]))`,
          [[agency.id, rural.id]],
        );
        if (open) {
          const side = open.agency_member_id === agency.id || open.rural_member_id === agency.id ? '机关党员' : '农村（社区）党员';
          throw PairingErrors.MEMBER_ALREADY_PAIRED({ side });
        }
        const id = randomUUID();
        await manager.query(
          `INSERT INTO member_pair (id, agency_member_id, rural_member_id, pair_id, starts_on, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
          [id, agency.id, rural.id, pair?.id ?? null, startsOn, caller.subject],
        );
        const memberPair: MemberPairSnapshot = {
          id,
          agencyMemberId: agency.id,
          ruralMemberId: rural.id,
          pairId: pair?.id ?? null,
          startsOn,
          endsOn: null,
        };
        const at = { id: rural.organizationId, path: rural.path };
        await record(manager, [pairingEvent(PairingEvent.MEMBER_PAIR_CREATED, id, at, caller.subject, { memberPair })]);
        return id;
      });
      return done.id;
    });
  }

  async endMemberPair(caller: Caller, id: string, endsOn?: string | null): Promise<string> {
    assertCanManage(caller);
    return this.unitOfWork.run(async (manager) => {
      const [row] = await manager.query(
        `SELECT id, agency_member_id, rural_member_id, pair_id, starts_on::text AS starts_on, ends_on::text AS ends_on FROM member_pair WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw invalid('id', `没有编号为 ${id} 的党员结对`);
      if (row.ends_on) throw invalid('id', '该党员结对已结束');
      const members = await requireMembers(manager, [row.agency_member_id, row.rural_member_id]);
      assertOnAny(
        caller,
        'pairing.manage',
        [...members.values()].map((m) => ({ path: m.path, name: '这两名党员的党组织' })),
      );
      const end = endsOn ?? this.today();
      await manager.query(`UPDATE member_pair SET ends_on = $2 WHERE id = $1`, [id, end]);
      const rural = members.get(row.rural_member_id)!;
      const memberPair: MemberPairSnapshot = {
        id,
        agencyMemberId: row.agency_member_id,
        ruralMemberId: row.rural_member_id,
        pairId: row.pair_id,
        startsOn: row.starts_on,
        endsOn: end,
      };
      await record(manager, [
        pairingEvent(PairingEvent.MEMBER_PAIR_ENDED, id, { id: rural.organizationId, path: rural.path }, caller.subject, { memberPair }),
      ]);
      return id;
    });
  }

  private async activePair(manager: EntityManager, caller: Caller, pairId: string): Promise<PairRow> {
    const pair = await pairById(manager, pairId);
    if (!pair) throw PairingErrors.PAIR_NOT_FOUND({ id: pairId });
    await assertPairInScope(manager, caller, pair);
    if (pair.status !== PairStatus.ACTIVE) throw PairingErrors.PAIR_NOT_ACTIVE();
    return pair;
  }
}
