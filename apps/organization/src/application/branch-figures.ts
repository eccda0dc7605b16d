import type { EntityManager } from 'typeorm';
import { BRANCH_LEVEL_KINDS, OrganizationStatus } from '../domain/organization-kind';
import { BranchFigures } from '../domain/structural-rules';
import { ORGANIZATION_RULES } from '../reference/organization-rules';

/**
 * Member and committee counts per organisation, from the membership events' placements and
 * this service's committees. Organisations without rows count zero.
 */
export async function branchFigures(manager: EntityManager, ids: readonly string[]): Promise<Map<string, BranchFigures>> {
  const rows: Array<{ id: string; members: string; full_members: string; committee_members: string }> = await manager.query(
    `SELECT o.id,
            (SELECT count(*) FROM member_placement p WHERE p.organization_id = o.id
               AND p.stage = ANY($2) AND NOT p.status = ANY($3)) AS members,
            (SELECT count(*) FROM member_placement p WHERE p.organization_id = o.id
               AND p.stage = 'FULL' AND NOT p.status = ANY($3)) AS full_members,
            (SELECT count(*) FROM committee_member c WHERE c.organization_id = o.id AND c.ended_on IS NULL) AS committee_members
     FROM organization o WHERE o.id = ANY($1::uuid[])`,
    [ids, ORGANIZATION_RULES.memberStages, ORGANIZATION_RULES.departedStatuses],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      { members: Number(r.members), fullMembers: Number(r.full_members), committeeMembers: Number(r.committee_members) },
    ]),
  );
}

/** People still attached to an organisation (any stage): it cannot be dissolved while they are. */
export async function attachedPeople(manager: EntityManager, id: string): Promise<number> {
  const [{ count }] = await manager.query(
    `SELECT count(*) AS count FROM member_placement WHERE organization_id = $1 AND NOT status = ANY($2)`,
    [id, ORGANIZATION_RULES.departedStatuses],
  );
  return Number(count);
}

/** The active branch-level organisations in a subtree (or the whole district). */
export async function branchIdsUnder(manager: EntityManager, underId: string | null): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `SELECT id FROM organization WHERE kind = ANY($1) AND status = $2
       AND ($3::uuid IS NULL OR id = $3 OR ancestor_ids @> ARRAY[$3::uuid]) ORDER BY code`,
    [BRANCH_LEVEL_KINDS, OrganizationStatus.ACTIVE, underId],
  );
  return rows.map((r) => r.id);
}
