import type { EntityManager } from 'typeorm';
import type { Caller } from '@partybuild/auth';
import { OrgNode, OrgTree } from '@partybuild/org-tree';
import { runOnce } from '@partybuild/persistence';
import { isIsoDate } from '@partybuild/federation';
import { RoundGrade } from '../reference/assessment-rules';
import { AssessmentErrors } from '../errors';
import { assertCanManage, checkYear, managedNode, notInFuture, text } from './access';
import { AssessmentEventType, emit } from './events';
import type { AssessmentServices } from './services';

export interface SecretaryReportRecord {
  id: string;
  organizationId: string;
  year: number;
  secretaryName: string;
  grade: RoundGrade;
  summary: string;
}

export interface RectificationRecord {
  id: string;
  noticeId: string;
  ownerId: string;
  item: string;
  deadline: string;
  status: 'OPEN' | 'CLOSED';
  outcome: string | null;
  closedOn: string | null;
}

export interface NoticeRecord {
  id: string;
  issuerId: string;
  title: string;
  issuedOn: string;
  commended: string[];
  criticised: string[];
}

export const REPORT_COLUMNS = `id, organization_id AS "organizationId", year, secretary_name AS "secretaryName", grade, summary`;
export const RECTIFICATION_COLUMNS = `id, notice_id AS "noticeId", owner_id AS "ownerId", item, deadline::text AS deadline, status, outcome,
  closed_on::text AS "closedOn"`;
export const NOTICE_COLUMNS = `id, issuer_id AS "issuerId", title, issued_on::text AS "issuedOn", commended, criticised`;

export interface NoticeInput {
  issuerId: string;
  title: string;
  issuedOn?: string | null;
  commended?: string[] | null;
  criticised?: string[] | null;
  rectifications?: Array<{ ownerId: string; item: string; deadline: string }> | null;
}

/** 书记述职评议 and 通报 with their rectification items (整改), tracked until closed. */
export class NoticeCommands {
  constructor(private readonly services: AssessmentServices) {}

  recordSecretaryReport(
    caller: Caller,
    input: { organizationId: string; year: number; secretaryName: string; grade: RoundGrade; summary: string },
    idempotencyKey?: string | null,
  ): Promise<SecretaryReportRecord> {
    const year = checkYear(input.year);
    const secretaryName = text(input.secretaryName, '书记姓名', 30);
    const summary = text(input.summary, '述职评议意见', 1000);
    return this.services.unitOfWork.run(async (manager) => {
      const node = await managedNode(manager, caller, input.organizationId);
      const key = idempotencyKey ? { caller: caller.subject, operation: 'recordSecretaryReport', key: idempotencyKey } : null;
      const { id } = await runOnce(manager, key, input, async () => {
        const [existing] = await manager.query(`SELECT 1 FROM secretary_report WHERE organization_id = $1 AND year = $2`, [node.id, year]);
        if (existing) throw AssessmentErrors.REPORT_EXISTS({ name: node.name, year });
        const [row] = await manager.query(
          `INSERT INTO secretary_report (organization_id, organization_path, year, secretary_name, grade, summary, recorded_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [node.id, node.path, year, secretaryName, input.grade, summary, caller.subject],
        );
        await emit(manager, caller.subject, [
          {
            type: AssessmentEventType.SECRETARY_REPORT_RECORDED,
            aggregateId: row.id,
            organizationId: node.id,
            organizationPath: node.path,
            data: { report: { id: row.id, organizationId: node.id, year, grade: input.grade } },
          },
        ]);
        return row.id as string;
      });
      const [report] = await manager.query(`SELECT ${REPORT_COLUMNS} FROM secretary_report WHERE id = $1`, [id]);
      return report;
    });
  }

  issueNotice(caller: Caller, input: NoticeInput, idempotencyKey?: string | null): Promise<NoticeRecord> {
    // A role that may never issue one is told so before anything about its input.
    assertCanManage(caller);
    const today = this.services.today();
    const title = text(input.title, '通报标题', 100);
    const issuedOn = notInFuture(input.issuedOn ?? today, today);
    const commended = [...new Set(input.commended ?? [])];
    const criticised = [...new Set(input.criticised ?? [])];
    const items = (input.rectifications ?? []).map((r) => {
      if (!isIsoDate(r.deadline) || r.deadline < issuedOn) {
        throw AssessmentErrors.DEADLINE_INVALID({ issuedOn }, { field: 'deadline' });
      }
      return { ...r, item: text(r.item, '整改事项', 300) };
    });
    if (!commended.length && !criticised.length && !items.length) throw AssessmentErrors.NOTICE_EMPTY();
    return this.services.unitOfWork.run(async (manager) => {
      const issuer = await managedNode(manager, caller, input.issuerId);
      // Everyone named must be below the issuer: a notice speaks for the units it is responsible for.
      const named = await this.nodesBelow(manager, issuer, [...commended, ...criticised, ...items.map((i) => i.ownerId)]);
      const key = idempotencyKey ? { caller: caller.subject, operation: 'issueNotice', key: idempotencyKey } : null;
      const { id } = await runOnce(manager, key, input, async () => {
        const [row] = await manager.query(
          `INSERT INTO notice (issuer_id, issuer_path, title, issued_on, commended, criticised, created_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [issuer.id, issuer.path, title, issuedOn, commended, criticised, caller.subject],
        );
        for (const item of items) {
          const owner = named.get(item.ownerId) as OrgNode;
          await manager.query(
            `INSERT INTO rectification (notice_id, owner_id, owner_path, item, deadline, status) VALUES ($1, $2, $3, $4, $5, 'OPEN')`,
            [row.id, owner.id, owner.path, item.item, item.deadline],
          );
        }
        await emit(manager, caller.subject, [
          {
            type: AssessmentEventType.NOTICE_ISSUED,
            aggregateId: row.id,
            organizationId: issuer.id,
            organizationPath: issuer.path,
            data: { notice: { id: row.id, issuerId: issuer.id, issuedOn, commended, criticised, rectificationItems: items.length } },
          },
        ]);
        return row.id as string;
      });
      const [notice] = await manager.query(`SELECT ${NOTICE_COLUMNS} FROM notice WHERE id = $1`, [id]);
      return notice;
    });
  }

  /** 整改销号: closed by the owner's cadres (or above) with what was done; late ones are marked overdue in the event. */
  closeRectification(caller: Caller, id: string, outcome: string): Promise<RectificationRecord> {
    const why = text(outcome, '整改情况', 500);
    return this.services.unitOfWork.run(async (manager) => {
      const [row]: RectificationRecord[] = await manager.query(
        `SELECT ${RECTIFICATION_COLUMNS} FROM rectification WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) throw AssessmentErrors.RECTIFICATION_NOT_FOUND({ id });
      const owner = await managedNode(manager, caller, row.ownerId);
      if (row.status === 'CLOSED') throw AssessmentErrors.ALREADY_CLOSED({ what: '该整改事项' });
      const closedOn = this.services.today();
      await manager.query(`UPDATE rectification SET status = 'CLOSED', outcome = $2, closed_by = $3, closed_on = $4 WHERE id = $1`, [
        id,
        why,
        caller.subject,
        closedOn,
      ]);
      await emit(manager, caller.subject, [
        {
          type: AssessmentEventType.RECTIFICATION_CLOSED,
          aggregateId: id,
          organizationId: owner.id,
          organizationPath: owner.path,
          data: {
            rectification: {
              id,
              noticeId: row.noticeId,
              ownerId: owner.id,
              deadline: row.deadline,
              closedOn,
              overdue: closedOn > row.deadline,
            },
          },
        },
      ]);
      return { ...row, status: 'CLOSED', outcome: why, closedOn };
    });
  }

  private async nodesBelow(manager: EntityManager, issuer: OrgNode, ids: string[]): Promise<Map<string, OrgNode>> {
    const nodes = await new OrgTree(manager).nodes([...new Set(ids)]);
    for (const id of ids) {
      const node = nodes.get(id);
      if (!node) throw AssessmentErrors.ORGANIZATION_NOT_FOUND({ id });
      if (!node.path.includes(issuer.id)) throw AssessmentErrors.OUT_OF_SCOPE({ what: node.name });
    }
    return nodes;
  }
}
