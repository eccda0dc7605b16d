import type { EntityManager } from 'typeorm';
import { Caller, Operation, allowed, assertAllowed } from '@partybuild/auth';
import { OrgNode, OrgTree } from '@partybuild/org-tree';
import { ActivityErrors } from '../errors';

/** Whether the caller's role may record activities at all (the access table's `activity.manage`). */
export function assertCanManage(caller: Caller): void {
  assertAllowed(caller, 'activity.manage');
}

/** An organisation of the service's copy of the tree on which the access table allows the operation. */
export async function visibleNode(
  manager: EntityManager,
  caller: Caller,
  id: string,
  operation: Operation = 'activity.manage',
): Promise<OrgNode> {
  assertAllowed(caller, operation);
  const node = await new OrgTree(manager).node(id);
  if (!node) throw ActivityErrors.ORGANIZATION_NOT_FOUND({ reference: id });
  assertAllowed(caller, operation, { path: node.path }, node.name);
  return node;
}

/**
 * The host of an activity being recorded: in the caller's scope and not dissolved. Joint work
 * crosses scopes (a paired village branch, another agency), but a cadre may not speak for an
 * organisation they are not responsible for: co-hosts in the caller's scope are confirmed at
 * once, the others wait until a cadre of theirs confirms (`confirmCoHosting`).
 */
export async function hostsFor(
  manager: EntityManager,
  caller: Caller,
  hostId: string,
  coHostIds: readonly string[] = [],
): Promise<{ host: OrgNode; coHosts: OrgNode[]; pending: OrgNode[] }> {
  assertCanManage(caller);
  const host = await visibleNode(manager, caller, hostId);
  if (host.status !== 'ACTIVE') throw ActivityErrors.HOST_DISSOLVED({ name: host.name }, { rule: 'host-dissolved' });
  const unique = [...new Set(coHostIds)].filter((id) => id !== hostId);
  if (unique.length === 0) return { host, coHosts: [], pending: [] };
  const nodes = await new OrgTree(manager).nodes(unique);
  const missing = unique.find((id) => !nodes.has(id));
  if (missing) throw ActivityErrors.ORGANIZATION_NOT_FOUND({ reference: missing }, { field: 'coHostIds' });
  const named = unique.map((id) => nodes.get(id) as OrgNode);
  const dissolved = named.find((n) => n.status !== 'ACTIVE');
  if (dissolved) throw ActivityErrors.HOST_DISSOLVED({ name: dissolved.name }, { rule: 'co-host-dissolved' });
  const mine = (n: OrgNode) => allowed(caller, 'activity.manage', { path: n.path });
  return { host, coHosts: named.filter(mine), pending: named.filter((n) => !mine(n)) };
}
