import { assertAllowed } from '@partybuild/auth';
import type { OrgNode } from '@partybuild/org-tree';
import { StatisticsErrors } from '../errors';
import type { StatisticsContext } from './context';

/** The organisation from the statistics' own copy of the tree, if the access table lets the caller read its figures. */
export async function visibleNode(ctx: StatisticsContext, id: string): Promise<OrgNode> {
  assertAllowed(ctx.caller, 'statistics.read');
  const node = await ctx.nodes.load(id);
  if (!node) throw StatisticsErrors.ORGANIZATION_NOT_FOUND({ reference: id });
  assertAllowed(ctx.caller, 'statistics.read', { path: node.path }, node.name);
  return node;
}
