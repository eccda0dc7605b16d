import type { EntityManager } from 'typeorm';
import { Caller, Operation, allowed, assertAllowed } from '@partybuild/auth';
import { OrgNode, OrgTree } from '@partybuild/org-tree';
import { PairingErrors } from '../errors';

/**
 * Pairing's questions to the access table (`libs/auth/src/access.ts`, the `// pairing` rows):
 * which organisation a command or read is about, and whether the caller may do the operation
 * there. A role that may never do it is refused before anything is looked up.
 */

/** May the caller record pairing work at all (before looking at a target)? */
export function assertCanManage(caller: Caller): void {
  assertAllowed(caller, 'pairing.manage');
}

/** An organisation of the service's tree copy, or ORGANIZATION_NOT_FOUND. */
export async function knownNode(manager: EntityManager, id: string): Promise<OrgNode> {
  const node = await new OrgTree(manager).node(id);
  if (!node) throw PairingErrors.ORGANIZATION_NOT_FOUND({ id }, { reference: id });
  return node;
}

/** An organisation on which the caller may do the operation. */
export async function nodeFor(manager: EntityManager, caller: Caller, operation: Operation, id: string): Promise<OrgNode> {
  assertAllowed(caller, operation);
  const node = await knownNode(manager, id);
  assertAllowed(caller, operation, { path: node.path }, node.name);
  return node;
}

/** An organisation whose pairing records the caller may see. */
export const visibleNode = (manager: EntityManager, caller: Caller, id: string) => nodeFor(manager, caller, 'pairing.read', id);

/** An organisation the caller may record work for: allowed there, not dissolved. */
export async function activeNode(manager: EntityManager, caller: Caller, id: string): Promise<OrgNode> {
  const node = await nodeFor(manager, caller, 'pairing.manage', id);
  assertActive(node);
  return node;
}

/** Allowed on one of several organisations (either side of a pair, any member of a committee). */
export const allowedOnAny = (caller: Caller, operation: Operation, nodes: ReadonlyArray<Pick<OrgNode, 'path'>>) =>
  nodes.some((n) => allowed(caller, operation, { path: n.path }));

/** Refuses unless allowed on one of the organisations; the refusal names the first. */
export function assertOnAny(caller: Caller, operation: Operation, nodes: ReadonlyArray<Pick<OrgNode, 'path' | 'name'>>): void {
  if (allowedOnAny(caller, operation, nodes)) return;
  assertAllowed(caller, operation, { path: nodes[0]?.path ?? [] }, nodes[0]?.name);
}

export function assertActive(node: OrgNode): void {
  if (node.status !== 'ACTIVE') throw PairingErrors.ORGANIZATION_DISSOLVED({ name: node.name });
}
