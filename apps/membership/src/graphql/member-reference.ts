import { MembershipErrors } from '../errors';
import { assertMemberAccess } from '../application/member-access';
import type { MembershipContext } from './context';

/**
 * Resolves `Member` references from other subgraphs (attendance lists, lecturers, committee
 * members), batched and checked against the access table like a direct read.
 */
export async function resolveMemberReference(reference: { id: string }, ctx: MembershipContext) {
  const member = await ctx.loaders.member.load(reference.id);
  if (!member) throw MembershipErrors.MEMBER_NOT_FOUND({ reference: reference.id });
  const node = await ctx.loaders.orgNode.load(member.organizationId);
  if (!node) throw MembershipErrors.ORGANIZATION_UNKNOWN({ reference: member.organizationId });
  assertMemberAccess(ctx.caller, 'member.read', member, node);
  return member;
}
