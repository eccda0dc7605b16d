import type { EntityManager } from 'typeorm';
import { Caller, canManage, inScope } from '@partybuild/auth';
import { OrgNode, OrgTree } from '@partybuild/org-tree';
import { ActivityErrors, OutOfScopeError } from '../errors';

export function assertCanManage(caller: Caller): void {
  if (!canManage(caller)) {
    throw ActivityErrors.MANAGERS_ONLY();
  }
}

/** An organisation of the service's copy of the tree that the caller may see. */
export async function visibleNode(manager: EntityManager, caller: Caller, id: string): Promise<OrgNode> {
  const node = await new OrgTree(manager).node(id);
  if (!node) throw ActivityErrors.ORGANIZATION_NOT_FOUND({ reference: id });
  if (!inScope(caller, node.path)) throw new OutOfScopeError(node.name);
  return node;
}

/**
 * The host of an activity being recorded: in the caller's scope and not dissolved. Co-hosts
 * (a paired village branch, another agency) need only exist: joint work crosses scopes.
 */
export async function hostsFor(
  manager: EntityManager,
  caller: Caller,
  hostId: string,
  coHostIds: readonly string[] = [],
): Promise<{ host: OrgNode; coHosts: OrgNode[] }> {
  assertCanManage(caller);
  const host = await visibleNode(manager, caller, hostId);
  if (host.status !== 'ACTIVE') throw ActivityErrors.HOST_DISSOLVED({ name: host.name }, { rule: 'host-dissolved' });
  const unique = [...new Set(coHostIds)].filter((id) => id !== hostId);
  if (unique.length === 0) return { host, coHosts: [] };
  const nodes = await new OrgTree(manager).nodes(unique);
  const missing = unique.find((id) => !nodes.has(id));
  if (missing) throw ActivityErrors.ORGANIZATION_NOT_FOUND({ reference: missing }, { field: 'coHostIds' });
  return { host, coHosts: unique.map((id) => nodes.get(id) as OrgNode) };
}
