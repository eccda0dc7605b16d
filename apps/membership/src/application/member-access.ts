import type { EntityManager } from 'typeorm';
import { Caller, Role, canManage, hasRole, inScope } from '@partybuild/auth';
import { OrgNode, OrgTree } from '@partybuild/org-tree';
import { MembershipErrors, OutOfScopeError } from '../errors';
import { MemberRecord } from '../entities';

/** How a scope refusal names a person's record (never by name: the caller may not see it). */
export const THIS_MEMBER = '这名人员的记录';

/** Scope through the service's own copy of the organisation tree (never the organisation service's tables). */
export async function organizationNode(manager: EntityManager, id: string): Promise<OrgNode> {
  const node = await new OrgTree(manager).node(id);
  if (!node) throw MembershipErrors.ORGANIZATION_UNKNOWN({ reference: id });
  return node;
}

export function assertVisible(caller: Caller, node: OrgNode, what = node.name): void {
  if (!inScope(caller, node.path)) throw new OutOfScopeError(what);
}

export function assertCanManage(caller: Caller): void {
  if (!canManage(caller)) {
    throw MembershipErrors.MANAGERS_ONLY();
  }
}

/** An organisation the caller may manage, from the tree copy. */
export async function manageableNode(manager: EntityManager, caller: Caller, id: string): Promise<OrgNode> {
  assertCanManage(caller);
  const node = await organizationNode(manager, id);
  assertVisible(caller, node);
  return node;
}

/** Loads a member for a change: locked until the transaction ends, and in the caller's scope. */
export async function lockMember(manager: EntityManager, caller: Caller, id: string): Promise<{ member: MemberRecord; node: OrgNode }> {
  assertCanManage(caller);
  const member = await manager.findOne(MemberRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!member) throw MembershipErrors.MEMBER_NOT_FOUND({ reference: id });
  const node = await organizationNode(manager, member.organizationId);
  assertVisible(caller, node, THIS_MEMBER);
  return { member, node };
}

/**
 * May the caller see an ID number and phone unmasked? District admins, and party cadres for
 * members in their scope; analysts and members never.
 */
export function mayUnmask(caller: Caller, path: readonly string[]): boolean {
  if (hasRole(caller, Role.DISTRICT_ADMIN)) return true;
  return hasRole(caller, Role.PARTY_CADRE) && inScope(caller, path);
}

/** Postgres unique violation on the ID number hash. */
export const isDuplicateIdNumber = (error: unknown): boolean =>
  (error as { code?: string }).code === '23505' && String((error as { constraint?: string }).constraint ?? '').includes('id_number');
