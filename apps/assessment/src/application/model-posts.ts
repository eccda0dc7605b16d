import type { EntityManager } from 'typeorm';
import { Caller, allowed, conditionFor } from '@partybuild/auth';
import { OrgNode, OrgTree } from '@partybuild/org-tree';
import { runOnce } from '@partybuild/persistence';
import { modelPostAllowance } from '../domain/quotas';
import { PioneerFact } from '../domain/pioneer';
import { AssessmentErrors } from '../errors';
import { assertCanManage, checkYear, managedNode, text } from './access';
import { assertBranch, branchMembers, lockQuota } from './branch-members';
import { AssessmentEventType, emit } from './events';
import type { AssessmentServices } from './services';

export enum ModelPostStatus {
  NOMINATED = 'NOMINATED',
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
}

export interface ModelPostRecord {
  id: string;
  branchId: string;
  branchPath: string[];
  memberId: string;
  year: number;
  title: string;
  status: ModelPostStatus;
  reason: string | null;
  nominatedBy: string;
  decidedBy: string | null;
}

export const MODEL_POST_COLUMNS = `id, branch_id AS "branchId", branch_path AS "branchPath", member_id AS "memberId", year, title, status, reason,
  nominated_by AS "nominatedBy", decided_by AS "decidedBy"`;

export interface ModelPostQuota {
  inService: number;
  allowed: number;
  used: number;
}

/** In-service members, the allowance and the places taken (nominated or confirmed) of a branch's year. */
export async function modelPostQuota(
  manager: EntityManager,
  services: AssessmentServices,
  branchId: string,
  year: number,
): Promise<ModelPostQuota> {
  const inService = (await branchMembers(manager, branchId, true)).size;
  const [{ used }] = await manager.query(
    `SELECT count(*)::int AS used FROM model_post WHERE branch_id = $1 AND year = $2 AND status <> 'REJECTED'`,
    [branchId, year],
  );
  return { inService, allowed: modelPostAllowance(inService, services.rules(year)), used };
}

const postEvent = (type: string, post: ModelPostRecord) => ({
  type,
  aggregateId: post.id,
  organizationId: post.branchId,
  organizationPath: post.branchPath,
  data: { modelPost: { id: post.id, branchId: post.branchId, memberId: post.memberId, year: post.year, status: post.status } },
});

/** 共产党员示范岗: a branch nominates within its allowance; the working committee above it decides. */
export class ModelPostCommands {
  constructor(private readonly services: AssessmentServices) {}

  nominate(
    caller: Caller,
    input: { branchId: string; memberId: string; year: number; title: string },
    idempotencyKey?: string | null,
  ): Promise<ModelPostRecord> {
    const year = checkYear(input.year);
    const title = text(input.title, '示范岗名称', 60);
    return this.services.unitOfWork.run(async (manager) => {
      const branch = await managedNode(manager, caller, input.branchId);
      assertBranch(branch);
      const key = idempotencyKey ? { caller: caller.subject, operation: 'nominateModelPost', key: idempotencyKey } : null;
      const { id } = await runOnce(manager, key, input, async () => {
        await lockQuota(manager, 'model-post', branch.id, year);
        if (!(await branchMembers(manager, branch.id, true)).has(input.memberId)) {
          throw AssessmentErrors.MEMBER_NOT_IN_BRANCH({ name: branch.name, count: 1 }, { memberIds: [input.memberId] });
        }
        const [existing] = await manager.query(`SELECT 1 FROM model_post WHERE member_id = $1 AND year = $2`, [input.memberId, year]);
        if (existing) throw AssessmentErrors.MODEL_POST_EXISTS({ year });
        const quota = await modelPostQuota(manager, this.services, branch.id, year);
        if (quota.used + 1 > quota.allowed) {
          throw AssessmentErrors.MODEL_POSTS_OVER_CAP({ allowed: quota.allowed, inService: quota.inService, requested: quota.used + 1 });
        }
        const [row] = await manager.query(
          `INSERT INTO model_post (branch_id, branch_path, member_id, year, title, status, nominated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${MODEL_POST_COLUMNS}`,
          [branch.id, branch.path, input.memberId, year, title, ModelPostStatus.NOMINATED, caller.subject],
        );
        await emit(manager, caller.subject, [postEvent(AssessmentEventType.MODEL_POST_NOMINATED, row)]);
        return row.id as string;
      });
      return this.byId(manager, id);
    });
  }

  /** 审核: confirmed or rejected (with the reason) by the working committee the branch belongs to. */
  decide(caller: Caller, id: string, confirm: boolean, reason: string | null): Promise<ModelPostRecord> {
    assertCanManage(caller);
    return this.services.unitOfWork.run(async (manager) => {
      const post = await this.byId(manager, id, true);
      if (post.status !== ModelPostStatus.NOMINATED) throw AssessmentErrors.MODEL_POST_DECIDED({ status: post.status });
      await this.assertWorkingCommittee(manager, caller, post.branchPath);
      const why = confirm ? (reason?.trim() ? text(reason, '审核意见', 200) : null) : text(reason, '不予确认的理由', 200);
      const status = confirm ? ModelPostStatus.CONFIRMED : ModelPostStatus.REJECTED;
      await manager.query(`UPDATE model_post SET status = $2, reason = $3, decided_by = $4, decided_at = now() WHERE id = $1`, [
        id,
        status,
        why,
        caller.subject,
      ]);
      const decided = await this.byId(manager, id);
      if (confirm) {
        await manager.query(
          `INSERT INTO pioneer_point (member_id, fact, source_id, month, points, detail) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT DO NOTHING`,
          [
            post.memberId,
            PioneerFact.MODEL_POST,
            post.id,
            `${post.year}-12`,
            this.services.rules(post.year).pioneerWeights.modelPostConfirmed,
            `共产党员示范岗：${post.title}`,
          ],
        );
      }
      await emit(manager, caller.subject, [postEvent(AssessmentEventType.MODEL_POST_DECIDED, decided)]);
      return decided;
    });
  }

  /** A district administrator, or a cadre responsible for the working committee (工委) above the branch. */
  private async assertWorkingCommittee(manager: EntityManager, caller: Caller, branchPath: string[]): Promise<void> {
    if (conditionFor(caller, 'assessment.manage') === 'anywhere') return;
    const ancestors = await new OrgTree(manager).nodes(branchPath);
    const committees = branchPath.map((id) => ancestors.get(id)).filter((n): n is OrgNode => n?.kind === 'WORKING_COMMITTEE');
    const responsible = committees.some((c) => allowed(caller, 'assessment.manage', { path: c.path }));
    if (!responsible) throw AssessmentErrors.NOT_WORKING_COMMITTEE();
  }

  async byId(manager: EntityManager, id: string, lock = false): Promise<ModelPostRecord> {
    const [row] = await manager.query(`SELECT ${MODEL_POST_COLUMNS} FROM model_post WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    if (!row) throw AssessmentErrors.MODEL_POST_NOT_FOUND({ id });
    return row;
  }
}
