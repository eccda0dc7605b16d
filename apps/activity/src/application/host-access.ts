import type { EntityManager } from 'typeorm';
import { Caller, canManage, inScope } from '@partybuild/auth';
import { DomainError } from '@partybuild/errors';
import { OrgNode, OrgTree } from '@partybuild/org-tree';
import { ActivityRuleError, OrganizationUnknownError, OutOfScopeError } from '../errors';

export function assertCanManage(caller: Caller): void {
  if (!canManage(caller)) {
    throw new DomainError('FORBIDDEN', 'Only district administrators and party-affairs cadres may record activities.');
  }
}

/** An organisation of the service's copy of the tree that the caller may see. */
export async function visibleNode(manager: EntityManager, caller: Caller, id: string): Promise<OrgNode> {
  const node = await new OrgTree(manager).node(id);
  if (!node) throw new OrganizationUnknownError(id);
  if (!inScope(caller, node.path)) throw new OutOfScopeError(node.name);
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
  if (host.status !== 'ACTIVE')
    throw new ActivityRuleError('host-dissolved', `${host.name} has been dissolved; it hosts no more activities.`);
  const unique = [...new Set(coHostIds)].filter((id) => id !== hostId);
  if (unique.length === 0) return { host, coHosts: [], pending: [] };
  const nodes = await new OrgTree(manager).nodes(unique);
  const missing = unique.find((id) => !nodes.has(id));
  if (missing) throw new OrganizationUnknownError(missing);
  const named = unique.map((id) => nodes.get(id) as OrgNode);
  const dissolved = named.find((n) => n.status !== 'ACTIVE');
  if (dissolved) throw new ActivityRuleError('co-host-dissolved', `${dissolved.name} has been dissolved; it co-hosts no more activities.`);
  return { host, coHosts: named.filter((n) => inScope(caller, n.path)), pending: named.filter((n) => !inScope(caller, n.path)) };
}
