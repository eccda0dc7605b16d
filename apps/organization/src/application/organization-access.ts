import type { EntityManager } from 'typeorm';
import { Caller, canManage, inScope } from '@partybuild/auth';
import { OrganizationRecord, pathOf } from '../entities';
import { DissolvedOrganizationError, OrganizationNotFoundError, OutOfScopeError } from '../errors';
import { OrganizationStatus } from '../domain/organization-kind';
import { DomainError } from '@partybuild/errors';

/** Loads an organisation for a change: locked until the transaction ends, in scope, active. */
export async function lockForChange(manager: EntityManager, caller: Caller, id: string): Promise<OrganizationRecord> {
  assertCanManage(caller);
  const organization = await manager.findOne(OrganizationRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!organization) throw new OrganizationNotFoundError(id);
  assertVisible(caller, organization);
  if (organization.status === OrganizationStatus.DISSOLVED) throw new DissolvedOrganizationError(organization.name);
  return organization;
}

export function assertVisible(caller: Caller, organization: OrganizationRecord): void {
  if (!inScope(caller, pathOf(organization))) throw new OutOfScopeError(organization.name);
}

export function assertCanManage(caller: Caller): void {
  if (!canManage(caller)) {
    throw new DomainError('FORBIDDEN', 'Only district administrators and party-affairs cadres may change organisations.');
  }
}

/** Postgres unique-violation on the organisation code. */
export const isDuplicateCode = (error: unknown): boolean =>
  (error as { code?: string; constraint?: string }).code === '23505' &&
  String((error as { constraint?: string }).constraint ?? '').includes('code');
