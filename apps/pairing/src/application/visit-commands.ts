import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Caller, allowed } from '@partybuild/auth';
import { addDays, daysBetween } from '@partybuild/calendar';
import { parseCsv } from '@partybuild/csv';
import { UnitOfWork, runOnce } from '@partybuild/persistence';
import type { ProblemSnapshot, VisitsRecordedData } from '@partybuild/contracts';
import { RowError, VisitRow, checkVisitRows, describeErrors, readVisitCsv } from '../domain/visits';
import { isVillageSector } from '../domain/kinds';
import { pairingRulesOn } from '../reference/pairing-rules';
import { PairingErrors, invalid } from '../errors';
import { activeNode, assertCanManage, knownNode } from './access';
import { PairingEvent, pairingEvent, record } from './pairing-events';

export interface ProblemRow {
  id: string;
  organizationId: string;
  visitId: string | null;
  category: string;
  description: string;
  assigneeId: string;
  collectedOn: string;
  deadline: string;
  status: string;
  resolvedOn: string | null;
  resolution: string | null;
  escalatedTo: string | null;
}

export const PROBLEM_COLUMNS = `id, organization_id AS "organizationId", visit_id AS "visitId", category, description,
  assignee_id AS "assigneeId", collected_on::text AS "collectedOn", deadline::text AS "deadline", status,
  resolved_on::text AS "resolvedOn", resolution, escalated_to AS "escalatedTo"`;

export const problemSnapshot = (p: ProblemRow): ProblemSnapshot => ({
  id: p.id,
  organizationId: p.organizationId,
  category: p.category,
  assigneeId: p.assigneeId,
  collectedOn: p.collectedOn,
  deadline: p.deadline,
  status: p.status,
  resolvedOn: p.resolvedOn,
  daysToResolve: p.resolvedOn ? daysBetween(p.collectedOn, p.resolvedOn) : null,
  escalatedTo: p.escalatedTo,
});

/** 访千家进万户 and 有呼必应: visits recorded in bulk with the problems they collect; problems resolved or escalated. */
export class VisitCommands {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly today: () => string,
  ) {}

  /** A team's visits to one village in one call: every row is checked first, and nothing is written if any is wrong. */
  async recordVisits(caller: Caller, organizationId: string, visits: VisitRow[], idempotencyKey?: string | null) {
    const rules = pairingRulesOn(this.today());
    if (visits.length === 0) throw invalid('visits', '至少登记一条走访记录');
    if (visits.length > rules.maxVisitsPerCall) throw PairingErrors.TOO_MANY_ROWS({ max: rules.maxVisitsPerCall, given: visits.length });
    const errors = checkVisitRows(visits, this.today(), rules);
    if (errors.length) throw refused(errors);
    return this.unitOfWork.run(async (manager) => {
      const scope = idempotencyKey ? { caller: caller.subject, operation: 'recordVisits', key: idempotencyKey } : null;
      const done = await runOnce(manager, scope, { organizationId, visits }, async () => {
        const node = await activeNode(manager, caller, organizationId);
        if (!isVillageSector(node.sector)) throw PairingErrors.NOT_A_VILLAGE({ name: node.name });
        const assignees = await this.resolveAssignees(manager, visits, errors);
        await this.checkVisitors(manager, visits, errors);
        if (errors.length) throw refused(errors);
        return this.write(manager, caller, node, visits, assignees, rules.problemDefaultDays);
      });
      return done.id;
    });
  }

  /** The same from a CSV part (header: household,visitedOn,visitors,note,problemCategory,problemDescription,assignee,deadline). */
  async importVisitsCsv(caller: Caller, organizationId: string, csv: string, idempotencyKey?: string | null) {
    let rows: string[][];
    try {
      rows = parseCsv(csv);
    } catch (error) {
      throw invalid('csv', `文件格式有误：${(error as Error).message}`);
    }
    const { visits, errors } = readVisitCsv(rows);
    if (errors.length) throw refused(errors);
    return this.recordVisits(caller, organizationId, visits, idempotencyKey);
  }

  /** 办结: only the assignee's cadres (or those above it). */
  async resolve(caller: Caller, problemId: string, resolution: string): Promise<ProblemRow> {
    const text = resolution.trim();
    const max = pairingRulesOn(this.today()).text.resolution;
    if (!text || [...text].length > max) throw invalid('resolution', `请写明办理结果（1–${max} 个字）`);
    return this.change(caller, problemId, PairingEvent.PROBLEM_RESOLVED, async (manager, p) => {
      await manager.query(`UPDATE problem SET status = 'RESOLVED', resolved_on = $2, resolution = $3 WHERE id = $1`, [
        p.id,
        this.today(),
        text,
      ]);
    });
  }

  /** 上报: to the organisation above the assignee (or the one named), which becomes the new assignee. */
  async escalate(caller: Caller, problemId: string, toOrganizationId: string | null, reason: string): Promise<ProblemRow> {
    const text = reason.trim();
    const max = pairingRulesOn(this.today()).text.escalation;
    if (!text || [...text].length > max) throw invalid('reason', `请写明上报原因（1–${max} 个字）`);
    return this.change(caller, problemId, PairingEvent.PROBLEM_ESCALATED, async (manager, p) => {
      const assignee = await knownNode(manager, p.assigneeId);
      const target = toOrganizationId ?? assignee.parentId;
      if (!target) throw invalid('toOrganizationId', `「${assignee.name}」没有上级党组织，请指定上报单位`);
      const to = await knownNode(manager, target);
      if (to.status !== 'ACTIVE') throw PairingErrors.ORGANIZATION_DISSOLVED({ name: to.name });
      await manager.query(`UPDATE problem SET status = 'OPEN', assignee_id = $2, escalated_to = $2, resolution = $3 WHERE id = $1`, [
        p.id,
        to.id,
        `上报：${text}`,
      ]);
    });
  }

  private async change(caller: Caller, id: string, type: string, apply: (manager: EntityManager, p: ProblemRow) => Promise<void>) {
    assertCanManage(caller);
    return this.unitOfWork.run(async (manager) => {
      const [p]: ProblemRow[] = await manager.query(`SELECT ${PROBLEM_COLUMNS} FROM problem WHERE id = $1 FOR UPDATE`, [id]);
      if (!p) throw PairingErrors.PROBLEM_NOT_FOUND({ id });
      if (p.status !== 'OPEN') throw PairingErrors.PROBLEM_CLOSED({ status: '办结' });
      const assignee = await knownNode(manager, p.assigneeId);
      if (!allowed(caller, 'pairing.manage', { path: assignee.path })) throw PairingErrors.NOT_ASSIGNEE({ assignee: assignee.name });
      await apply(manager, p);
      const [after]: ProblemRow[] = await manager.query(`SELECT ${PROBLEM_COLUMNS} FROM problem WHERE id = $1`, [id]);
      // An escalated problem is reported as escalated once, then stays open with its new assignee.
      const snapshot = { ...problemSnapshot(after), status: type === PairingEvent.PROBLEM_ESCALATED ? 'ESCALATED' : after.status };
      const village = await knownNode(manager, after.organizationId);
      await record(manager, [pairingEvent(type, after.id, village, caller.subject, { problem: snapshot })]);
      return after;
    });
  }

  /** Assignees by id or code; unknown or dissolved ones become row errors. */
  private async resolveAssignees(manager: EntityManager, visits: VisitRow[], errors: RowError[]): Promise<Map<string, string>> {
    const wanted = [...new Set(visits.flatMap((v) => (v.problem ? [v.problem.assignee] : [])))];
    if (wanted.length === 0) return new Map();
    const rows: Array<{ id: string; code: string; status: string }> = await manager.query(
      `SELECT id::text, code, status FROM org_node WHERE code = ANY($1::text[]) OR id::text = ANY($1::text[])`,
      [wanted],
    );
    const found = new Map<string, string>();
    for (const r of rows) {
      if (r.status !== 'ACTIVE') continue;
      found.set(r.code, r.id);
      found.set(r.id, r.id);
    }
    visits.forEach((v, i) => {
      if (v.problem && !found.has(v.problem.assignee)) {
        errors.push({ row: i + 1, column: 'assignee', message: `没有名为「${v.problem.assignee}」的在册党组织（填组织编码）` });
      }
    });
    return found;
  }

  private async checkVisitors(manager: EntityManager, visits: VisitRow[], errors: RowError[]): Promise<void> {
    const ids = [...new Set(visits.flatMap((v) => v.visitorMemberIds))];
    // Existence only: a part names thousands of visitors, their organisations are not needed.
    const rows: Array<{ id: string }> = await manager.query(`SELECT id FROM member WHERE id = ANY($1::uuid[])`, [ids]);
    const known = new Set(rows.map((r) => r.id));
    visits.forEach((v, i) => {
      const unknown = v.visitorMemberIds.find((id) => !known.has(id));
      if (unknown) errors.push({ row: i + 1, column: 'visitors', message: `没有编号为 ${unknown} 的党员` });
    });
  }

  /** Set-based inserts: one statement for the visits, one for the problems, then the events. */
  private async write(
    manager: EntityManager,
    caller: Caller,
    node: { id: string; path: string[] },
    visits: VisitRow[],
    assignees: Map<string, string>,
    defaultDays: number,
  ): Promise<string> {
    const batchId = randomUUID();
    const visitIds = visits.map(() => randomUUID());
    await manager.query(
      `INSERT INTO household_visit (id, batch_id, organization_id, visited_on, household, visitor_member_ids, note, recorded_by)
       SELECT u.id, $1, $2, u.day, u.household, string_to_array(u.visitors, ',')::uuid[], u.note, $3
       FROM unnest($4::uuid[], $5::date[], $6::text[], $7::text[], $8::text[]) AS u(id, day, household, visitors, note)`,
      [
        batchId,
        node.id,
        caller.subject,
        visitIds,
        visits.map((v) => v.visitedOn),
        visits.map((v) => v.household),
        visits.map((v) => v.visitorMemberIds.join(',')),
        visits.map((v) => v.note),
      ],
    );
    const problems: ProblemRow[] = visits.flatMap((v, i) =>
      v.problem
        ? [
            {
              id: randomUUID(),
              organizationId: node.id,
              visitId: visitIds[i],
              category: v.problem.category,
              description: v.problem.description,
              assigneeId: assignees.get(v.problem.assignee) as string,
              collectedOn: v.visitedOn,
              deadline: v.problem.deadline ?? addDays(v.visitedOn, defaultDays),
              status: 'OPEN',
              resolvedOn: null,
              resolution: null,
              escalatedTo: null,
            },
          ]
        : [],
    );
    if (problems.length) {
      await manager.query(
        `INSERT INTO problem (id, organization_id, visit_id, category, description, assignee_id, collected_on, deadline, status, created_by)
         SELECT u.id, $1, u.visit, u.category, u.description, u.assignee, u.collected, u.deadline, 'OPEN', $2
         FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::uuid[], $8::date[], $9::date[])
           AS u(id, visit, category, description, assignee, collected, deadline)`,
        [
          node.id,
          caller.subject,
          problems.map((p) => p.id),
          problems.map((p) => p.visitId),
          problems.map((p) => p.category),
          problems.map((p) => p.description),
          problems.map((p) => p.assigneeId),
          problems.map((p) => p.collectedOn),
          problems.map((p) => p.deadline),
        ],
      );
    }
    const days = visits.map((v) => v.visitedOn).sort();
    const summary: VisitsRecordedData = {
      batchId,
      organizationId: node.id,
      visits: visits.length,
      households: new Set(visits.map((v) => v.household)).size,
      firstDay: days[0],
      lastDay: days[days.length - 1],
    };
    await record(manager, [
      pairingEvent(PairingEvent.VISITS_RECORDED, batchId, node, caller.subject, summary),
      ...problems.map((p) => pairingEvent(PairingEvent.PROBLEM_COLLECTED, p.id, node, caller.subject, { problem: problemSnapshot(p) })),
    ]);
    return batchId;
  }
}

const refused = (errors: RowError[]) =>
  PairingErrors.VISIT_ROWS_INVALID({ count: errors.length, first: describeErrors(errors) }, { errors: errors.slice(0, 100) });
