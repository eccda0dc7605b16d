import type { EntityManager } from 'typeorm';
import { Caller, canManage, inScope } from '@partybuild/auth';
import { OrganizationRecord, pathOf } from '../entities';
import { OrganizationErrors, OutOfScopeError } from '../errors';
import { OrganizationStatus } from '../domain/organization-kind';

/** Loads an organisation for a change: locked until the transaction ends, in scope, active. */
export async function lockForChange(manager: EntityManager, caller: Caller, id: string): Promise<OrganizationRecord> {
  assertCanManage(caller);
  const organization = await manager.findOne(OrganizationRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!organization) throw OrganizationErrors.ORGANIZATION_NOT_FOUND({ reference: id });
  assertVisible(caller, organization);
  if (organization.status === OrganizationStatus.DISSOLVED) throw OrganizationErrors.ORGANIZATION_DISSOLVED({ name: organization.name });
  return organization;
}

export function assertVisible(caller: Caller, organization: OrganizationRecord): void {
  if (!inScope(caller, pathOf(organization))) throw new OutOfScopeError(organization.name);
}

export function assertCanManage(caller: Caller): void {
  if (!canManage(caller)) {
    throw OrganizationErrors.MANAGERS_ONLY();
  }
}

/** Postgres unique-violation on the organisation code. */
export const isDuplicateCode = (error: unknown): boolean =>
  (error as { code?: string; constraint?: string }).code === '23505' &&
  String((error as { constraint?: string }).constraint ?? '').includes('code');
