import { MemberNotFoundError, UnknownOrganizationError } from '../errors';
import { assertMemberAccess } from '../application/member-access';
import type { MembershipContext } from './context';

/**
 * Resolves `Member` references from other subgraphs (attendance lists, lecturers, committee
 * members), batched and checked against the access table like a direct read.
 */
export async function resolveMemberReference(reference: { id: string }, ctx: MembershipContext) {
  const member = await ctx.loaders.member.load(reference.id);
  if (!member) throw new MemberNotFoundError(reference.id);
  const node = await ctx.loaders.orgNode.load(member.organizationId);
  if (!node) throw new UnknownOrganizationError(member.organizationId);
  assertMemberAccess(ctx.caller, 'member.read', member, node);
  return member;
}
