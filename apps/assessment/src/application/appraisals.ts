import type { Caller } from '@partybuild/auth';
import { addDays } from '@partybuild/calendar';
import { runOnce } from '@partybuild/persistence';
import { excellentAllowance } from '../domain/quotas';
import { PioneerFact } from '../domain/pioneer';
import { APPRAISAL_GRADE_ZH, AppraisalGrade } from '../reference/assessment-rules';
import { AssessmentErrors } from '../errors';
import { checkYear, managedNode, text } from './access';
import { assertBranch, branchMembers, lockQuota } from './branch-members';
import { AssessmentEventType, emit } from './events';
import type { AssessmentServices } from './services';

export interface AppraisalEntry {
  memberId: string;
  grade: AppraisalGrade;
}

export interface AppraisalRecord {
  memberId: string;
  year: number;
  branchId: string;
  grade: AppraisalGrade;
  decidedBy: string;
  decidedAt: Date;
}

export interface FollowUpRecord {
  id: string;
  memberId: string;
  year: number;
  branchId: string;
  measure: string;
  deadline: string;
  status: 'OPEN' | 'CLOSED';
  outcome: string | null;
}

export const FOLLOW_UP_COLUMNS = `id, member_id AS "memberId", year, branch_id AS "branchId", measure, deadline::text AS deadline, status, outcome`;
export const APPRAISAL_COLUMNS = `member_id AS "memberId", year, branch_id AS "branchId", grade, decided_by AS "decidedBy", decided_at AS "decidedAt"`;

const monthsLater = (day: string, months: number) => {
  const [y, m, d] = day.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return addDays(`${target.toISOString().slice(0, 8)}01`, Math.min(d, last) - 1);
};

/** 民主评议党员: the branch's decision for its full and probationary members, 优秀 capped, 不合格 followed up. */
export class AppraisalCommands {
  constructor(private readonly services: AssessmentServices) {}

  record(
    caller: Caller,
    input: { branchId: string; year: number; entries: AppraisalEntry[] },
    idempotencyKey?: string | null,
  ): Promise<AppraisalRecord[]> {
    const year = checkYear(input.year);
    const seen = new Set<string>();
    const duplicates = input.entries.filter((e) => (seen.has(e.memberId) ? true : (seen.add(e.memberId), false)));
    if (duplicates.length) throw AssessmentErrors.DUPLICATE_ENTRY({ count: duplicates.length }, { field: 'entries' });
    if (input.entries.length === 0) throw AssessmentErrors.TEXT_TOO_LONG({ field: '评议名单', maxLength: 1000 });
    return this.services.unitOfWork.run(async (manager) => {
      const branch = await managedNode(manager, caller, input.branchId);
      assertBranch(branch);
      const rules = this.services.rules(year);
      const key = idempotencyKey ? { caller: caller.subject, operation: 'recordAppraisals', key: idempotencyKey } : null;
      await runOnce(manager, key, input, async () => {
        await lockQuota(manager, 'appraisal', branch.id, year);
        const members = await branchMembers(manager, branch.id);
        const strangers = input.entries.filter((e) => !members.has(e.memberId));
        if (strangers.length) {
          throw AssessmentErrors.MEMBER_NOT_IN_BRANCH(
            { name: branch.name, count: strangers.length },
            { memberIds: strangers.map((s) => s.memberId) },
          );
        }
        // The cap is on the branch's whole appraisal: earlier decisions of the year and this one together.
        const earlier: Array<{ memberId: string; grade: AppraisalGrade }> = await manager.query(
          `SELECT member_id AS "memberId", grade FROM appraisal WHERE branch_id = $1 AND year = $2`,
          [branch.id, year],
        );
        const merged = new Map(earlier.map((e) => [e.memberId, e.grade]));
        for (const e of input.entries) merged.set(e.memberId, e.grade);
        const excellent = [...merged.values()].filter((g) => g === AppraisalGrade.EXCELLENT).length;
        const allowed = excellentAllowance(members.size, rules);
        if (excellent > allowed) {
          throw AssessmentErrors.EXCELLENT_OVER_CAP(
            { allowed, requested: excellent, ratio: Math.round(rules.excellentRatio * 100), appraised: members.size },
            { field: 'entries' },
          );
        }
        const ids = input.entries.map((e) => e.memberId);
        const grades = input.entries.map((e) => e.grade);
        await manager.query(
          `INSERT INTO appraisal (member_id, year, branch_id, branch_path, grade, decided_by)
           SELECT u.m, $3, $4, $5, u.g, $6 FROM unnest($1::uuid[], $2::text[]) AS u(m, g)
           ON CONFLICT (member_id, year) DO UPDATE SET grade = EXCLUDED.grade, decided_by = EXCLUDED.decided_by, decided_at = now()`,
          [ids, grades, year, branch.id, branch.path, caller.subject],
        );
        const unqualified = input.entries.filter((e) => e.grade === AppraisalGrade.UNQUALIFIED).map((e) => e.memberId);
        if (unqualified.length) {
          await manager.query(
            `INSERT INTO follow_up (member_id, year, branch_id, branch_path, measure, deadline, status)
             SELECT m, $2, $3, $4, '限期改正', $5, 'OPEN' FROM unnest($1::uuid[]) AS m ON CONFLICT (member_id, year) DO NOTHING`,
            [unqualified, year, branch.id, branch.path, monthsLater(this.services.today(), rules.unqualifiedFollowUpMonths)],
          );
        }
        // 先锋指数: the appraisal's points count in December of its year.
        await manager.query(
          `INSERT INTO pioneer_point (member_id, fact, source_id, month, points, detail)
           SELECT u.m, $3, $4::text, $5, (($6::jsonb) ->> u.g)::numeric, '民主评议' || ($7::jsonb ->> u.g)
           FROM unnest($1::uuid[], $2::text[]) AS u(m, g)
           ON CONFLICT (member_id, fact, source_id) DO UPDATE SET points = EXCLUDED.points, detail = EXCLUDED.detail`,
          [
            ids,
            grades,
            PioneerFact.APPRAISAL,
            String(year),
            `${year}-12`,
            JSON.stringify(rules.pioneerWeights.appraisal),
            JSON.stringify(APPRAISAL_GRADE_ZH),
          ],
        );
        const counts = { EXCELLENT: 0, QUALIFIED: 0, BASICALLY_QUALIFIED: 0, UNQUALIFIED: 0 };
        for (const grade of merged.values()) counts[grade] += 1;
        await emit(manager, caller.subject, [
          {
            type: AssessmentEventType.APPRAISALS_RECORDED,
            aggregateId: branch.id,
            organizationId: branch.id,
            organizationPath: branch.path,
            data: { branchId: branch.id, year, counts },
          },
        ]);
        return branch.id;
      });
      return manager.query(`SELECT ${APPRAISAL_COLUMNS} FROM appraisal WHERE branch_id = $1 AND year = $2 ORDER BY member_id`, [
        branch.id,
        year,
      ]);
    });
  }

  /** 销号: the follow-up of an unqualified member ends with what came of it. */
  closeFollowUp(caller: Caller, id: string, outcome: string): Promise<FollowUpRecord> {
    const why = text(outcome, '整改结果', 500);
    return this.services.unitOfWork.run(async (manager) => {
      const [row]: FollowUpRecord[] = await manager.query(`SELECT ${FOLLOW_UP_COLUMNS} FROM follow_up WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) throw AssessmentErrors.FOLLOW_UP_NOT_FOUND({ id });
      const branch = await managedNode(manager, caller, row.branchId);
      if (row.status === 'CLOSED') throw AssessmentErrors.ALREADY_CLOSED({ what: '该不合格党员跟踪记录' });
      const closedOn = this.services.today();
      await manager.query(`UPDATE follow_up SET status = 'CLOSED', outcome = $2, closed_by = $3, closed_at = now() WHERE id = $1`, [
        id,
        why,
        caller.subject,
      ]);
      await emit(manager, caller.subject, [
        {
          type: AssessmentEventType.FOLLOW_UP_CLOSED,
          aggregateId: id,
          organizationId: branch.id,
          organizationPath: branch.path,
          data: { followUpId: id, memberId: row.memberId, branchId: row.branchId, year: row.year, deadline: row.deadline, closedOn },
        },
      ]);
      return { ...row, status: 'CLOSED', outcome: why };
    });
  }
}
