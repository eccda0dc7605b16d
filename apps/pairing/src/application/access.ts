import type { EntityManager } from 'typeorm';
import { Caller, canManage, inScope } from '@partybuild/auth';
import { OrgNode, OrgTree } from '@partybuild/org-tree';
import { PairingErrors, notAllowed, outOfScope } from '../errors';

export function assertCanManage(caller: Caller): void {
  if (!canManage(caller)) throw notAllowed();
}

/** An organisation of the service's tree copy, or ORGANIZATION_NOT_FOUND. */
export async function knownNode(manager: EntityManager, id: string): Promise<OrgNode> {
  const node = await new OrgTree(manager).node(id);
  if (!node) throw PairingErrors.ORGANIZATION_NOT_FOUND({ id }, { reference: id });
  return node;
}

/** An organisation the caller may see. */
export async function visibleNode(manager: EntityManager, caller: Caller, id: string): Promise<OrgNode> {
  const node = await knownNode(manager, id);
  if (!inScope(caller, node.path)) throw outOfScope(node.name);
  return node;
}

/** An organisation the caller may record work for: in scope, not dissolved. */
export async function activeNode(manager: EntityManager, caller: Caller, id: string): Promise<OrgNode> {
  assertCanManage(caller);
  const node = await visibleNode(manager, caller, id);
  assertActive(node);
  return node;
}

export function assertActive(node: OrgNode): void {
  if (node.status !== 'ACTIVE') throw PairingErrors.ORGANIZATION_DISSOLVED({ name: node.name });
}
