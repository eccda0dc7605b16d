import type { EntityManager } from 'typeorm';
import { Caller, assertAllowed } from '@partybuild/auth';
import { OrganizationRecord, pathOf } from '../entities';
import { OrganizationErrors } from '../errors';
import { OrganizationStatus } from '../domain/organization-kind';

/** Loads an organisation for a change: locked until the transaction ends, in scope, active. */
export async function lockForChange(manager: EntityManager, caller: Caller, id: string): Promise<OrganizationRecord> {
  assertCanManage(caller);
  const organization = await manager.findOne(OrganizationRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!organization) throw OrganizationErrors.ORGANIZATION_NOT_FOUND({ reference: id });
  assertAllowed(caller, 'organization.manage', { path: pathOf(organization) }, organization.name);
  if (organization.status === OrganizationStatus.DISSOLVED) throw OrganizationErrors.ORGANIZATION_DISSOLVED({ name: organization.name });
  return organization;
}

/**
 * Locks what a move changes, always in the same order, so that two moves crossing each other
 * (A under B while B goes under A) never wait on each other's locks: moves are taken one at a
 * time (they are rare), then the two organisations in id order, then the moved subtree in id
 * order. The second of two crossing moves therefore reads the tree the first one left, and is
 * refused as a cycle instead of ending in a deadlock.
 */
export async function lockForMove(
  manager: EntityManager,
  caller: Caller,
  id: string,
  newParentId: string,
): Promise<{ organization: OrganizationRecord; parent: OrganizationRecord }> {
  assertCanManage(caller);
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', ['organization.move']);
  const [first, second] = [id, newParentId].sort();
  const locked = new Map<string, OrganizationRecord>();
  for (const key of new Set([first, second])) locked.set(key, await lockForChange(manager, caller, key));
  // Descendants get a new path: lock them now, in order, so a concurrent change to one of them waits here.
  await manager.query('SELECT id FROM organization WHERE ancestor_ids @> ARRAY[$1]::uuid[] ORDER BY id FOR UPDATE', [id]);
  return { organization: locked.get(id)!, parent: locked.get(newParentId)! };
}

/** Reading an organisation: the access table's `organization.read`. */
export function assertVisible(caller: Caller, organization: OrganizationRecord): void {
  assertAllowed(caller, 'organization.read', { path: pathOf(organization) }, organization.name);
}

/** Whether the caller's role may change organisations at all (the access table's `organization.manage`). */
export function assertCanManage(caller: Caller): void {
  assertAllowed(caller, 'organization.manage');
}

/** Postgres unique-violation on the organisation code. */
export const isDuplicateCode = (error: unknown): boolean =>
  (error as { code?: string; constraint?: string }).code === '23505' &&
  String((error as { constraint?: string }).constraint ?? '').includes('code');
