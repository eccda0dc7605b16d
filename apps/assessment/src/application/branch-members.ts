import type { EntityManager } from 'typeorm';
import { BRANCH_LEVEL_KINDS } from '@partybuild/contracts';
import type { OrgNode } from '@partybuild/org-tree';
import { AssessmentErrors } from '../errors';

/** Appraisals and model posts are a branch's (党支部, 联合党支部, 临时党支部). */
export function assertBranch(node: OrgNode): void {
  if (!(BRANCH_LEVEL_KINDS as readonly string[]).includes(node.kind)) throw AssessmentErrors.NOT_A_BRANCH({ name: node.name });
}

/** The full and probationary members the branch holds now, from the membership events; in service only when asked. */
export async function branchMembers(manager: EntityManager, branchId: string, inServiceOnly = false): Promise<Set<string>> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM member WHERE organization_id = $1 AND is_current AND ($2::boolean IS FALSE OR category = 'IN_SERVICE')`,
    [branchId, inServiceOnly],
  );
  return new Set(rows.map((r) => r.id));
}

/** One writer at a time per branch and year for counted quotas (two nominations at once cannot both take the last place). */
export async function lockQuota(manager: EntityManager, what: string, branchId: string, year: number): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${what}|${branchId}|${year}`]);
}
