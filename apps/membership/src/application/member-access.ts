import type { EntityManager } from 'typeorm';
import { Caller, Operation, allowed, assertAllowed } from '@partybuild/auth';
import { OrgNode, OrgTree } from '@partybuild/org-tree';
import { MembershipErrors } from '../errors';
import { MemberRecord } from '../entities';

/** How a scope refusal names a person's record (never by name: the caller may not see it). */
export const THIS_MEMBER = '这名人员的记录';

/** Scope through the service's own copy of the organisation tree (never the organisation service's tables). */
export async function organizationNode(manager: EntityManager, id: string): Promise<OrgNode> {
  const node = await new OrgTree(manager).node(id);
  if (!node) throw MembershipErrors.ORGANIZATION_UNKNOWN({ reference: id });
  return node;
}

/** The access table's answer for an organisation (and the records it holds): refuses with FORBIDDEN. */
export function assertVisible(caller: Caller, node: OrgNode, what = node.name, operation: Operation = 'member.read'): void {
  assertAllowed(caller, operation, { path: node.path }, what);
}

/** A member record: `own` cells (a member's own record) are decided by the record's id. */
export function assertMemberAccess(caller: Caller, operation: Operation, member: { id: string }, node: OrgNode): void {
  assertAllowed(caller, operation, { path: node.path, memberId: member.id }, 'this member record');
}

/** Whether the caller's role may change member records at all (the target is checked where it is loaded). */
export function assertCanManage(caller: Caller): void {
  assertAllowed(caller, 'member.manage');
}

/** An organisation the caller may manage, from the tree copy. */
export async function manageableNode(manager: EntityManager, caller: Caller, id: string): Promise<OrgNode> {
  assertCanManage(caller);
  const node = await organizationNode(manager, id);
  assertVisible(caller, node, node.name, 'member.manage');
  return node;
}

/** Loads a member for a change: locked until the transaction ends, and in the caller's scope. */
export async function lockMember(manager: EntityManager, caller: Caller, id: string): Promise<{ member: MemberRecord; node: OrgNode }> {
  assertCanManage(caller);
  const member = await manager.findOne(MemberRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
  if (!member) throw MembershipErrors.MEMBER_NOT_FOUND({ reference: id });
  const node = await organizationNode(manager, member.organizationId);
  assertMemberAccess(caller, 'member.manage', member, node);
  return { member, node };
}

/**
 * May the caller see this member's ID number, phone and birth date in clear? The access
 * table's `member.personal` row: admins, cadres in scope, a member for their own record.
 */
export function mayUnmask(caller: Caller, path: readonly string[], memberId?: string): boolean {
  return allowed(caller, 'member.personal', { path, memberId });
}

/** Postgres unique violation on the ID number hash. */
export const isDuplicateIdNumber = (error: unknown): boolean =>
  (error as { code?: string }).code === '23505' && String((error as { constraint?: string }).constraint ?? '').includes('id_number');
