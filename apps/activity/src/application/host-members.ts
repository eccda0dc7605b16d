import type { EntityManager } from 'typeorm';
import { ActivityType, ATTENDING_STAGES, GONE_STATUSES } from '../domain/activity-type';

export interface HostMember {
  id: string;
  votingRights: boolean;
}

/**
 * Who belongs to the hosts of an activity, from the service's own read models: a branch's
 * members, a Party group's members, everyone in the branches below a committee; for a
 * committee meeting, the committee's seats when their members are known.
 */
export async function hostMembers(manager: EntityManager, type: ActivityType, hostIds: string[]): Promise<HostMember[]> {
  if (type === ActivityType.COMMITTEE_MEETING) {
    const seated: Array<{ id: string; voting_rights: boolean | null }> = await manager.query(
      `SELECT DISTINCT s.member_id AS id, m.voting_rights FROM committee_seat s LEFT JOIN member m ON m.id = s.member_id
       WHERE s.organization_id = ANY($1::uuid[]) AND s.until IS NULL AND s.member_id IS NOT NULL`,
      [hostIds],
    );
    if (seated.length) return seated.map((r) => ({ id: r.id, votingRights: r.voting_rights ?? true }));
  }
  const rows: Array<{ id: string; voting_rights: boolean }> = await manager.query(
    // Two index lookups (by branch, by Party group) rather than one OR that would scan every member.
    `WITH hosts AS (SELECT id, kind FROM org_node WHERE id = ANY($1::uuid[])),
          branches AS (
            SELECT n.id FROM org_node n JOIN hosts h ON n.path @> ARRAY[h.id]
            WHERE h.kind <> 'PARTY_GROUP' AND n.kind <> 'PARTY_GROUP')
     SELECT m.id, m.voting_rights FROM member m JOIN branches b ON m.organization_id = b.id
     WHERE m.stage = ANY($2::text[]) AND m.status <> ALL($3::text[])
     UNION
     SELECT m.id, m.voting_rights FROM member m JOIN hosts h ON h.kind = 'PARTY_GROUP' AND m.party_group_id = h.id
     WHERE m.stage = ANY($2::text[]) AND m.status <> ALL($3::text[])`,
    [hostIds, ATTENDING_STAGES, GONE_STATUSES],
  );
  return rows.map((r) => ({ id: r.id, votingRights: r.voting_rights }));
}

/** Was the lecturer the host's secretary on that day? Null when no secretary with a member record is known. */
export async function lecturerIsSecretary(
  manager: EntityManager,
  hostId: string,
  lecturerMemberId: string | null,
  day: string,
): Promise<boolean | null> {
  const rows: Array<{ member_id: string }> = await manager.query(
    `SELECT member_id FROM committee_seat
     WHERE organization_id = $1 AND role = 'SECRETARY' AND member_id IS NOT NULL
       AND (term_start IS NULL OR term_start <= $2::date) AND (until IS NULL OR until::date >= $2::date)`,
    [hostId, day],
  );
  if (rows.length === 0) return null;
  return lecturerMemberId != null && rows.some((r) => r.member_id === lecturerMemberId);
}
