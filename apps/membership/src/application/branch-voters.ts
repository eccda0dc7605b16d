import type { EntityManager } from 'typeorm';
import { DevelopmentStage, MemberStatus, TransferState } from '../domain/member-kinds';

/**
 * How many full members with voting rights a branch had on a day, from the records: full
 * members by then, counted where they belonged that day (members transferred in later are
 * not counted, members transferred out later are). Deaths and expulsions are known only as
 * the current status, so a vote entered long after the meeting counts those members as gone.
 */
export async function votingMembersOn(manager: EntityManager, branchId: string, day: string): Promise<number> {
  const [row] = await manager.query(
    `WITH came_later AS (
       SELECT member_id FROM member_transfer WHERE to_organization_id = $1 AND state = $3 AND decided_on > $2::date),
     left_later AS (
       SELECT member_id FROM member_transfer WHERE from_organization_id = $1 AND state = ANY($4::text[]) AND decided_on > $2::date)
     SELECT count(*)::int AS n FROM member m
     WHERE m.stage = $5 AND (m.full_member_since IS NULL OR m.full_member_since <= $2::date)
       AND (
         (m.organization_id = $1 AND m.id NOT IN (SELECT member_id FROM came_later) AND m.status <> ALL($6::text[]))
         OR m.id IN (SELECT member_id FROM left_later)
       )`,
    [
      branchId,
      day,
      TransferState.ACCEPTED,
      [TransferState.ACCEPTED, TransferState.LEFT_DISTRICT],
      DevelopmentStage.FULL,
      [MemberStatus.TRANSFERRED_OUT, MemberStatus.DECEASED, MemberStatus.EXPELLED],
    ],
  );
  return row.n;
}
