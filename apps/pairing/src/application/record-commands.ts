import { randomUUID } from 'node:crypto';
import type { Caller } from '@partybuild/auth';
import type { CommitteeSnapshot, InstructorSnapshot, InstructorVisitData } from '@partybuild/contracts';
import { isIsoDate } from '@partybuild/federation';
import { UnitOfWork, runOnce } from '@partybuild/persistence';
import { OrgTree } from '@partybuild/org-tree';
import { isAgencySector } from '../domain/kinds';
import { pairingRulesOn } from '../reference/pairing-rules';
import { PairingErrors, invalid } from '../errors';
import { activeNode, assertActive, assertCanManage, assertOnAny } from './access';
import { requireMembers } from './members';
import { PairingEvent, pairingEvent, record } from './pairing-events';

export enum CommitteeKind {
  /** 共建委员会 */
  JOINT_COMMITTEE = 'JOINT_COMMITTEE',
  /** 特色支部营 */
  FEATURE_CAMP = 'FEATURE_CAMP',
}

export interface InstructorInput {
  memberId: string;
  organizationId: string;
  startsOn: string;
  endsOn: string;
}

export interface CommitteeInput {
  kind: CommitteeKind;
  name: string;
  organizationIds: string[];
  leaderMemberId?: string | null;
  note?: string | null;
}

const MAX_INSTRUCTOR_TERM_DAYS = 3 * 366;

/** Simple records: 党建指导员 and their visits, 共建委员会 and 特色支部营. */
export class RecordCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly today: () => string,
  ) {}

  /** 选派党建指导员: an agency member sent to a 两新 organisation or a model village for a term. */
  async appointInstructor(caller: Caller, input: InstructorInput, idempotencyKey?: string | null): Promise<string> {
    assertCanManage(caller);
    if (!isIsoDate(input.startsOn) || !isIsoDate(input.endsOn) || input.endsOn < input.startsOn) {
      throw invalid('endsOn', '任期须有开始和结束日期，结束不早于开始');
    }
    if ((Date.parse(input.endsOn) - Date.parse(input.startsOn)) / 86_400_000 > MAX_INSTRUCTOR_TERM_DAYS) {
      throw invalid('endsOn', '党建指导员任期不超过 3 年');
    }
    return this.unitOfWork.run(async (manager) => {
      const scope = idempotencyKey ? { caller: caller.subject, operation: 'appointInstructor', key: idempotencyKey } : null;
      const done = await runOnce(manager, scope, input, async () => {
        const target = await activeNode(manager, caller, input.organizationId);
        if (!['NEW_ECONOMIC_SOCIAL', 'ENTERPRISE', 'RURAL', 'COMMUNITY'].includes(target.sector)) {
          throw invalid('organizationId', `「${target.name}」不是两新组织或村（社区），不派驻党建指导员`);
        }
        const member = (await requireMembers(manager, [input.memberId])).get(input.memberId)!;
        if (!member.sector || !isAgencySector(member.sector)) {
          throw PairingErrors.MEMBER_WRONG_SIDE({ side: '党建指导员', rule: '须是机关（事业单位）党员' }, { field: 'memberId' });
        }
        const id = randomUUID();
        await manager.query(
          `INSERT INTO instructor (id, member_id, organization_id, starts_on, ends_on, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
          [id, member.id, target.id, input.startsOn, input.endsOn, caller.subject],
        );
        const instructor: InstructorSnapshot = {
          id,
          memberId: member.id,
          organizationId: target.id,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
        };
        await record(manager, [pairingEvent(PairingEvent.INSTRUCTOR_APPOINTED, id, target, caller.subject, { instructor })]);
        return id;
      });
      return done.id;
    });
  }

  /** 指导员走访: one visit in the instructor's term. */
  async logInstructorVisit(caller: Caller, instructorId: string, visitedOn: string, note: string): Promise<string> {
    assertCanManage(caller);
    const text = note.trim();
    if (!text || [...text].length > pairingRulesOn(this.today()).text.description) throw invalid('note', '请写明走访情况');
    if (visitedOn > this.today()) throw PairingErrors.DATE_IN_FUTURE({ field: '走访日期', today: this.today() }, { field: 'visitedOn' });
    return this.unitOfWork.run(async (manager) => {
      const [row] = await manager.query(
        `SELECT organization_id, starts_on::text AS starts_on, ends_on::text AS ends_on FROM instructor WHERE id = $1`,
        [instructorId],
      );
      if (!row) throw invalid('instructorId', `没有编号为 ${instructorId} 的党建指导员`);
      const target = await activeNode(manager, caller, row.organization_id);
      if (visitedOn < row.starts_on || visitedOn > row.ends_on)
        throw invalid('visitedOn', `走访日期须在任期 ${row.starts_on} 至 ${row.ends_on} 之内`);
      const id = randomUUID();
      await manager.query(`INSERT INTO instructor_visit (id, instructor_id, visited_on, note, created_by) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        instructorId,
        visitedOn,
        text,
        caller.subject,
      ]);
      const visit: InstructorVisitData = { visitId: id, instructorId, organizationId: target.id, visitedOn };
      await record(manager, [pairingEvent(PairingEvent.INSTRUCTOR_VISITED, instructorId, target, caller.subject, visit)]);
      return id;
    });
  }

  /** 共建委员会 / 特色支部营: several organisations (the caller keeps at least one) and, for a camp, its leader. */
  async createCommittee(caller: Caller, input: CommitteeInput, idempotencyKey?: string | null): Promise<string> {
    assertCanManage(caller);
    const name = input.name.trim();
    const max = pairingRulesOn(this.today()).text.committeeName;
    if (!name || [...name].length > max) throw invalid('name', `名称 1–${max} 个字`);
    const orgIds = [...new Set(input.organizationIds)];
    if (orgIds.length < 2 || orgIds.length > 50) throw invalid('organizationIds', '须由 2 至 50 个党组织组成');
    return this.unitOfWork.run(async (manager) => {
      const scope = idempotencyKey ? { caller: caller.subject, operation: 'createCommittee', key: idempotencyKey } : null;
      const done = await runOnce(manager, scope, input, async () => {
        const nodes = await new OrgTree(manager).nodes(orgIds);
        const missing = orgIds.find((id) => !nodes.has(id));
        if (missing) throw PairingErrors.ORGANIZATION_NOT_FOUND({ id: missing });
        for (const node of nodes.values()) assertActive(node);
        assertOnAny(caller, 'pairing.manage', [...nodes.values()]);
        if (input.leaderMemberId) await requireMembers(manager, [input.leaderMemberId]);
        const id = randomUUID();
        await manager.query(
          `INSERT INTO joint_committee (id, kind, name, organization_ids, leader_member_id, note, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [id, input.kind, name, orgIds, input.leaderMemberId ?? null, input.note?.trim() || null, caller.subject],
        );
        const committee: CommitteeSnapshot = {
          id,
          kind: input.kind,
          name,
          organizationIds: orgIds,
          leaderMemberId: input.leaderMemberId ?? null,
        };
        // Placed at the first organisation named; the snapshot lists them all.
        const at = nodes.get(orgIds[0])!;
        await record(manager, [pairingEvent(PairingEvent.COMMITTEE_CREATED, id, at, caller.subject, { committee })]);
        return id;
      });
      return done.id;
    });
  }
}
