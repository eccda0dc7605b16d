import { Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@partybuild/federation';
import { CommitteeRole } from '../domain/organization-kind';
import './enums';

@ObjectType({ description: '委员会成员 — a committee appointment' })
export class CommitteeMember {
  @Field(() => ID)
  id: string;

  @Field()
  personName: string;

  @Field(() => ID, { nullable: true, description: "The person's membership record, when known." })
  memberId: string | null;

  @Field(() => CommitteeRole)
  role: CommitteeRole;

  @Field(() => LocalDateScalar)
  termStart: string;

  @Field(() => LocalDateScalar, { nullable: true })
  termEnd: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Set when the appointment ended.' })
  endedOn: string | null;
}

@ObjectType({ description: '换届选举 — an election of the committee' })
export class Election {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  organizationId: string;

  @Field(() => LocalDateScalar)
  heldOn: string;

  @Field(() => LocalDateScalar, { nullable: true })
  termEndsOn: string | null;

  @Field(() => Int, { nullable: true, description: '应到有表决权党员数' })
  eligibleVoters: number | null;

  @Field(() => Int, { nullable: true, description: '实到投票人数' })
  votesCast: number | null;

  @Field(() => String, { nullable: true })
  notes: string | null;
}

@ObjectType({ description: "组织沿革 — one change in an organisation's history" })
export class OrganizationRevision {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The event that recorded it, e.g. organization.moved.' })
  change: string;

  @Field({ description: 'Who made the change.' })
  actor: string;

  @Field()
  changedAt: Date;

  @Field(() => String, { description: 'The organisation as it was after the change (JSON).' })
  snapshot: string;
}
