import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { pageWindow } from '@partybuild/federation';
import { Organization } from './organization.stub';
import { MemberPage } from './member.type';
import { MemberListArgs } from './inputs';
import type { MembershipContext } from './context';
import { MembershipErrors } from '../errors';
import { assertVisible } from '../application/member-access';

/** One page of an organisation's people, scope-checked through the request's tree loader. */
async function memberPage(organizationId: string, args: MemberListArgs, ctx: MembershipContext) {
  const window = pageWindow(args);
  // The page of a branch (nearly every list) is read while the organisation is looked up for the
  // access check, saving a round trip; it is returned only if the check passes, and read again
  // with the group filter when the organisation turns out to be a Party group.
  const asBranch = ctx.queries.members(organizationId, { ...args, partyGroup: false }, window);
  asBranch.catch(() => undefined);
  // Through the loader: the members' own fields (masking) then find the node cached.
  const node = await ctx.loaders.orgNode.load(organizationId);
  if (!node) throw MembershipErrors.ORGANIZATION_UNKNOWN({ reference: organizationId });
  // A list is never "own": members and analysts are refused here by the access table.
  assertVisible(ctx.caller, node, node.name, 'member.read');
  if (node.kind === 'PARTY_GROUP') return ctx.queries.members(organizationId, { ...args, partyGroup: true }, window);
  return asBranch;
}

@Resolver(() => Organization)
export class OrganizationMembersResolver {
  @FieldResolver(() => MemberPage, {
    description: '党员名册 — the people of an organisation (or of its whole unit with includeSubtree), by name',
  })
  members(@Root() o: Organization, @Args() args: MemberListArgs, @Ctx() ctx: MembershipContext) {
    return memberPage(o.id, args, ctx);
  }

  @Query(() => MemberPage, {
    description: '党员名册 — the same list as Organization.members, answered by this subgraph alone (one hop through the gateway)',
  })
  organizationMembers(
    @Arg('organizationId', () => ID) organizationId: string,
    @Args() args: MemberListArgs,
    @Ctx() ctx: MembershipContext,
  ) {
    return memberPage(organizationId, args, ctx);
  }
}
