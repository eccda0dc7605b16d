import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { LocalDateScalar, idempotencyScope } from '@partybuild/federation';
import { Organization } from './organization.type';
import { CommitteeMember, Election } from './committee.type';
import { AppointmentInput, CreateOrganizationInput, RecordElectionInput, UpdateOrganizationInput } from './inputs';
import type { OrganizationContext } from './context';

const KEY = '幂等键 — a retry of the same request with the same key returns the first result (or send the Idempotency-Key header)';

@Resolver()
export class OrganizationMutationResolver {
  @Mutation(() => Organization, { description: '成立党组织 — create an organisation' })
  createOrganization(
    @Arg('input') input: CreateOrganizationInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY }) idempotencyKey: string | null,
    @Ctx() ctx: OrganizationContext,
  ) {
    return ctx.commands.create(ctx.caller, input, idempotencyScope(ctx, 'createOrganization', idempotencyKey));
  }

  @Mutation(() => Organization, { description: '修改组织信息 — rename or correct an organisation' })
  updateOrganization(@Arg('id', () => ID) id: string, @Arg('input') input: UpdateOrganizationInput, @Ctx() ctx: OrganizationContext) {
    return ctx.commands.update(ctx.caller, id, input);
  }

  @Mutation(() => Organization, { description: '调整隶属关系 — move an organisation (with its subtree) under another parent' })
  moveOrganization(@Arg('id', () => ID) id: string, @Arg('newParentId', () => ID) newParentId: string, @Ctx() ctx: OrganizationContext) {
    return ctx.commands.move(ctx.caller, id, newParentId);
  }

  @Mutation(() => Organization, { description: '撤销党组织 — dissolve an organisation that has no subordinates' })
  dissolveOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('dissolvedOn', () => LocalDateScalar, { nullable: true }) dissolvedOn: string | null,
    @Ctx() ctx: OrganizationContext,
  ) {
    return ctx.commands.dissolve(ctx.caller, id, dissolvedOn);
  }

  @Mutation(() => Election, { description: '录入换届选举 — record an election and the elected committee' })
  recordElection(
    @Arg('input') input: RecordElectionInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY }) idempotencyKey: string | null,
    @Ctx() ctx: OrganizationContext,
  ) {
    return ctx.committees.recordElection(ctx.caller, input, idempotencyScope(ctx, 'recordElection', idempotencyKey));
  }

  @Mutation(() => CommitteeMember, { description: '增补委员 — appoint a committee member between elections' })
  appointCommitteeMember(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('appointment') appointment: AppointmentInput,
    @Arg('startsOn', () => LocalDateScalar, { nullable: true }) startsOn: string | null,
    @Arg('idempotencyKey', () => String, { nullable: true, description: KEY }) idempotencyKey: string | null,
    @Ctx() ctx: OrganizationContext,
  ) {
    return ctx.committees.appoint(
      ctx.caller,
      organizationId,
      appointment,
      startsOn,
      idempotencyScope(ctx, 'appointCommitteeMember', idempotencyKey),
    );
  }

  @Mutation(() => CommitteeMember, { description: '免去委员职务 — end a committee appointment' })
  endCommitteeAppointment(
    @Arg('id', () => ID) id: string,
    @Arg('endedOn', () => LocalDateScalar, { nullable: true }) endedOn: string | null,
    @Ctx() ctx: OrganizationContext,
  ) {
    return ctx.committees.endAppointment(ctx.caller, id, endedOn);
  }
}
