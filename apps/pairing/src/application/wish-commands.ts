import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Caller, allowed, assertAllowed } from '@partybuild/auth';
import { addDays } from '@partybuild/calendar';
import { UnitOfWork, runOnce } from '@partybuild/persistence';
import type { PersonalDataCipher } from '@partybuild/personal-data';
import type { WishSnapshot } from '@partybuild/contracts';
import { WishStatus, assertClaimable, assertFulfillable, effectiveStatus } from '../domain/wish';
import { isAgencySector, isVillageSector } from '../domain/kinds';
import { pairingRulesOn } from '../reference/pairing-rules';
import { PairingErrors, invalid } from '../errors';
import { activeNode, knownNode } from './access';
import { PairingEvent, pairingEvent, record } from './pairing-events';
import { knownMembers, requireMembers } from './members';

export interface PostWishInput {
  organizationId: string;
  title: string;
  residentName: string;
  residentContact?: string | null;
}

export interface WishRow {
  id: string;
  organizationId: string;
  title: string;
  residentNameSealed: string;
  residentContactSealed: string | null;
  status: WishStatus;
  postedOn: string;
  expiresOn: string;
  claimedBy: string | null;
  claimedOn: string | null;
  fulfilledOn: string | null;
  evidence: string | null;
}

export const WISH_COLUMNS = `id, organization_id AS "organizationId", title, resident_name_sealed AS "residentNameSealed",
  resident_contact_sealed AS "residentContactSealed", status, posted_on::text AS "postedOn", expires_on::text AS "expiresOn",
  claimed_by AS "claimedBy", claimed_on::text AS "claimedOn", fulfilled_on::text AS "fulfilledOn", evidence`;

/** What the events say about a wish: never the resident. */
const snapshot = (w: WishRow): WishSnapshot => ({
  id: w.id,
  organizationId: w.organizationId,
  status: w.status,
  postedOn: w.postedOn,
  claimedBy: w.claimedBy,
  claimedOn: w.claimedOn,
  fulfilledOn: w.fulfilledOn,
});

/** 微心愿: posted by a village or community, claimed by an agency member, fulfilled with evidence, or expired. */
export class WishCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly today: () => string,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async post(caller: Caller, input: PostWishInput, idempotencyKey?: string | null): Promise<string> {
    const rules = pairingRulesOn(this.today());
    const title = input.title.trim();
    const name = input.residentName.trim();
    const contact = input.residentContact?.trim() || null;
    if (!title || [...title].length > rules.text.title) throw invalid('title', `心愿内容 1–${rules.text.title} 个字`);
    if (!name || [...name].length > rules.text.name) throw invalid('residentName', `群众姓名 1–${rules.text.name} 个字`);
    if (contact && [...contact].length > rules.text.contact) throw invalid('residentContact', `联系方式不超过 ${rules.text.contact} 个字`);
    return this.unitOfWork.run(async (manager) => {
      const scope = idempotencyKey ? { caller: caller.subject, operation: 'postWish', key: idempotencyKey } : null;
      const done = await runOnce(manager, scope, input, async () => {
        const node = await activeNode(manager, caller, input.organizationId);
        if (!isVillageSector(node.sector)) throw PairingErrors.NOT_A_VILLAGE({ name: node.name });
        const id = randomUUID();
        await manager.query(
          `INSERT INTO micro_wish (id, organization_id, title, resident_name_sealed, resident_contact_sealed, status, posted_on, expires_on, created_by)
           VALUES ($1, $2, $3, $4, $5, 'OPEN', $6, $7, $8)`,
          [
            id,
            node.id,
            title,
            this.cipher.encrypt(name),
            contact ? this.cipher.encrypt(contact) : null,
            this.today(),
            addDays(this.today(), rules.wishOpenDays),
            caller.subject,
          ],
        );
        const wish = await wishById(manager, id);
        await record(manager, [pairingEvent(PairingEvent.WISH_POSTED, id, node, caller.subject, { wish: snapshot(wish!) })]);
        return id;
      });
      return done.id;
    });
  }

  /** 认领: by the agency member themself, or by a cadre of the member's organisation on their behalf. */
  async claim(caller: Caller, wishId: string, memberId: string): Promise<string> {
    assertAllowed(caller, 'pairing.claim');
    return this.change(caller, wishId, async (manager, wish) => {
      const member = (await requireMembers(manager, [memberId])).get(memberId)!;
      assertAllowed(caller, 'pairing.claim', { path: member.path, memberId }, '该党员');
      if (!member.sector || !isAgencySector(member.sector)) {
        throw PairingErrors.MEMBER_WRONG_SIDE({ side: '认领人', rule: '微心愿由机关党员认领' }, { field: 'memberId' });
      }
      assertClaimable(effectiveStatus(wish.status, wish.expiresOn, this.today()));
      await manager.query(`UPDATE micro_wish SET status = 'CLAIMED', claimed_by = $2, claimed_on = $3 WHERE id = $1`, [
        wish.id,
        memberId,
        this.today(),
      ]);
      return PairingEvent.WISH_CLAIMED;
    });
  }

  /** 实现: with what shows it was done (a note or a file reference); only a claimed wish. */
  async fulfil(caller: Caller, wishId: string, evidence: string): Promise<string> {
    const text = evidence.trim();
    const max = pairingRulesOn(this.today()).text.evidence;
    if (!text || [...text].length > max) throw invalid('evidence', `请写明实现情况（1–${max} 个字）`);
    return this.change(caller, wishId, async (manager, wish) => {
      // The member who claimed it (or their cadres), or the village's cadres.
      const claimer = wish.claimedBy ? (await knownMembers(manager, [wish.claimedBy])).get(wish.claimedBy) : undefined;
      if (!claimer || !allowed(caller, 'pairing.claim', { path: claimer.path, memberId: claimer.id })) {
        const village = await knownNode(manager, wish.organizationId);
        assertAllowed(caller, 'pairing.manage', { path: village.path }, village.name);
      }
      assertFulfillable(effectiveStatus(wish.status, wish.expiresOn, this.today()));
      await manager.query(`UPDATE micro_wish SET status = 'FULFILLED', fulfilled_on = $2, evidence = $3 WHERE id = $1`, [
        wish.id,
        this.today(),
        text,
      ]);
      return PairingEvent.WISH_FULFILLED;
    });
  }

  /** Marks open wishes past their last day as expired, with their events; returns how many. */
  async expireDue(): Promise<number> {
    return this.unitOfWork.run(async (manager) => {
      // An UPDATE … RETURNING answers [rows, count].
      const [rows]: [WishRow[], number] = await manager.query(
        `UPDATE micro_wish SET status = 'EXPIRED' WHERE status = 'OPEN' AND expires_on < $1 RETURNING ${WISH_COLUMNS}`,
        [this.today()],
      );
      const events = [];
      for (const w of rows) {
        const node = await knownNode(manager, w.organizationId);
        events.push(pairingEvent(PairingEvent.WISH_EXPIRED, w.id, node, 'system', { wish: snapshot(w) }));
      }
      await record(manager, events);
      return rows.length;
    });
  }

  private async change(caller: Caller, wishId: string, apply: (manager: EntityManager, wish: WishRow) => Promise<string>): Promise<string> {
    return this.unitOfWork.run(async (manager) => {
      const [locked] = await manager.query(`SELECT id FROM micro_wish WHERE id = $1 FOR UPDATE`, [wishId]);
      if (!locked) throw PairingErrors.WISH_NOT_FOUND({ id: wishId });
      const wish = (await wishById(manager, wishId))!;
      const type = await apply(manager, wish);
      const after = (await wishById(manager, wishId))!;
      const node = await knownNode(manager, after.organizationId);
      await record(manager, [pairingEvent(type, after.id, node, caller.subject, { wish: snapshot(after) })]);
      return after.id;
    });
  }
}

export async function wishById(manager: EntityManager, id: string): Promise<WishRow | null> {
  const rows = await manager.query(`SELECT ${WISH_COLUMNS} FROM micro_wish WHERE id = $1`, [id]);
  return rows[0] ?? null;
}
