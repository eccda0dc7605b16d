import type { EntityManager } from 'typeorm';
import { Caller, assertAllowed } from '@partybuild/auth';
import { OrganizationRecord, pathOf } from '../entities';
import { DissolvedOrganizationError, OrganizationNotFoundError } from '../errors';
import { OrganizationStatus } from '../domain/organization-kind';

/** Loads an organisation for a change: locked until the transaction ends, in scope, active. */
export async function lockForChange(manager: EntityManager, caller: Caller, id: string): Promise<OrganizationRecord> {
  assertCanManage(caller);
  const organization = await manager.findOne(OrganizationRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!organization) throw new OrganizationNotFoundError(id);
  assertAllowed(caller, 'organization.manage', { path: pathOf(organization) }, organization.name);
  if (organization.status === OrganizationStatus.DISSOLVED) throw new DissolvedOrganizationError(organization.name);
  return organization;
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
