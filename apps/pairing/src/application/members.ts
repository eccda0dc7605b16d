import type { EntityManager } from 'typeorm';
import { PairingErrors } from '../errors';

export interface KnownMember {
  id: string;
  organizationId: string;
  status: string;
  sector: string | null;
  path: string[];
}

/** Members of the service's copy (from the membership events) with their organisation's sector and path. */
export async function knownMembers(manager: EntityManager, ids: readonly string[]): Promise<Map<string, KnownMember>> {
  if (ids.length === 0) return new Map();
  const rows: KnownMember[] = await manager.query(
    `SELECT m.id, m.organization_id AS "organizationId", m.status, n.sector, coalesce(n.path, '{}') AS path
     FROM member m LEFT JOIN org_node n ON n.id = m.organization_id WHERE m.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every id known, or MEMBER_NOT_FOUND naming the first that is not. */
export async function requireMembers(manager: EntityManager, ids: readonly string[]): Promise<Map<string, KnownMember>> {
  const found = await knownMembers(manager, ids);
  const missing = ids.find((id) => !found.has(id));
  if (missing) throw PairingErrors.MEMBER_NOT_FOUND({ id: missing }, { reference: missing });
  return found;
}
