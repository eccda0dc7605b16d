import { MembershipErrors, OutOfScopeError } from '../errors';
import { THIS_MEMBER } from '../application/member-access';
import { inScope } from '@partybuild/auth';
import type { MembershipContext } from './context';

/** Resolves `Member` references from other subgraphs, batched and scope-checked. */
export async function resolveMemberReference(reference: { id: string }, ctx: MembershipContext) {
  const member = await ctx.loaders.member.load(reference.id);
  if (!member) throw MembershipErrors.MEMBER_NOT_FOUND({ reference: reference.id });
  const node = await ctx.loaders.orgNode.load(member.organizationId);
  if (!node || !inScope(ctx.caller, node.path)) throw new OutOfScopeError(THIS_MEMBER);
  return member;
}
