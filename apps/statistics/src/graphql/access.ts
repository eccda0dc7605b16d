import { inScope } from '@partybuild/auth';
import type { OrgNode } from '@partybuild/org-tree';
import { OutOfScopeError, StatisticsErrors } from '../errors';
import type { StatisticsContext } from './context';

/** The organisation from the statistics' own copy of the tree, if the caller may see it. */
export async function visibleNode(ctx: StatisticsContext, id: string): Promise<OrgNode> {
  const node = await ctx.nodes.load(id);
  if (!node) throw StatisticsErrors.ORGANIZATION_NOT_FOUND({ reference: id });
  if (!inScope(ctx.caller, node.path)) throw new OutOfScopeError(node.name);
  return node;
}
