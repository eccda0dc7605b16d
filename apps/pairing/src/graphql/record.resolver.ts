import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Resolver, Root, registerEnumType } from 'type-graphql';
import { LocalDateScalar, TextField, withLimit } from '@partybuild/federation';
import { TEXT } from '../reference/pairing-rules';
import { allowed, assertAllowed } from '@partybuild/auth';
import { CommitteeKind } from '../application/record-commands';
import { Member, Organization } from './stubs';
import type { PairingContext } from './context';

registerEnumType(CommitteeKind, {
  name: 'JointCommitteeKind',
  valuesConfig: {
    JOINT_COMMITTEE: { description: '共建委员会 — joint committee' },
    FEATURE_CAMP: { description: '特色支部营 — feature camp' },
  },
});

@ObjectType({ description: '党建指导员 — an agency member sent to a 两新 organisation or model village for a term' })
export class Instructor {
  @Field(() => ID)
  id: string;

  @Field(() => Member)
  member: Member;

  @Field(() => Organization)
  organization: Organization;

  @Field(() => LocalDateScalar)
  startsOn: string;

  @Field(() => LocalDateScalar)
  endsOn: string;

  @Field(() => Int, { description: '走访次数 — visits logged' })
  visits: number;
}

@ObjectType({ description: '共建委员会 / 特色支部营' })
export class JointCommittee {
  @Field(() => ID)
  id: string;

  @Field(() => CommitteeKind)
  kind: CommitteeKind;

  @Field()
  name: string;

  @Field(() => [Organization])
  organizations: Organization[];

  @Field(() => Member, { nullable: true, description: '营长/负责人' })
  leader: Member | null;

  @Field(() => String, { nullable: true, description: 'Member stations, cooperatives and other notes' })
  note: string | null;
}

@InputType()
export class InstructorInput {
  @Field(() => ID)
  memberId: string;

  @Field(() => ID, { description: 'The 两新 organisation or village' })
  organizationId: string;

  @Field(() => LocalDateScalar)
  startsOn: string;

  @Field(() => LocalDateScalar)
  endsOn: string;
}

@InputType()
export class JointCommitteeInput {
  @Field(() => CommitteeKind)
  kind: CommitteeKind;

  @TextField(TEXT.committeeName, { description: '名称 — name' })
  name: string;

  @Field(() => [ID])
  organizationIds: string[];

  @Field(() => ID, { nullable: true })
  leaderMemberId?: string | null;

  @TextField(TEXT.committeeNote, { nullable: true, description: '备注 — member stations, cooperatives and other notes' })
  note?: string | null;
}

const INSTRUCTOR = `SELECT i.id, i.member_id, i.organization_id, i.starts_on::text AS starts_on, i.ends_on::text AS ends_on,
  (SELECT count(*) FROM instructor_visit v WHERE v.instructor_id = i.id)::int AS visits FROM instructor i`;
const toInstructor = (r: any): Instructor => ({
  id: r.id,
  member: { id: r.member_id },
  organization: { id: r.organization_id },
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  visits: r.visits,
});
const toCommittee = (r: any): JointCommittee => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  organizations: r.organization_ids.map((id: string) => ({ id })),
  leader: r.leader_member_id ? { id: r.leader_member_id } : null,
  note: r.note,
});

@Resolver()
export class RecordResolver {
  @Mutation(() => Instructor, { description: '选派党建指导员' })
  async appointInstructor(
    @Arg('input') input: InstructorInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: PairingContext,
  ) {
    const id = await ctx.records.appointInstructor(ctx.caller, input, idempotencyKey ?? ctx.idempotencyKey ?? null);
    return toInstructor((await ctx.pairs.manager.query(`${INSTRUCTOR} WHERE i.id = $1`, [id]))[0]);
  }

  @Mutation(() => Instructor, { description: '登记指导员走访' })
  async logInstructorVisit(
    @Arg('instructorId', () => ID) instructorId: string,
    @Arg('visitedOn', () => LocalDateScalar) visitedOn: string,
    @Arg('note', { description: withLimit('走访情况 — what the visit found and did', TEXT.description) }) note: string,
    @Ctx() ctx: PairingContext,
  ) {
    await ctx.records.logInstructorVisit(ctx.caller, instructorId, visitedOn, note);
    return toInstructor((await ctx.pairs.manager.query(`${INSTRUCTOR} WHERE i.id = $1`, [instructorId]))[0]);
  }

  @Mutation(() => JointCommittee, { description: '成立共建委员会 / 特色支部营' })
  async createJointCommittee(
    @Arg('input') input: JointCommitteeInput,
    @Arg('idempotencyKey', () => String, { nullable: true }) idempotencyKey: string | null,
    @Ctx() ctx: PairingContext,
  ) {
    const id = await ctx.records.createCommittee(ctx.caller, input, idempotencyKey ?? ctx.idempotencyKey ?? null);
    return toCommittee((await ctx.pairs.manager.query(`SELECT * FROM joint_committee WHERE id = $1`, [id]))[0]);
  }
}

@Resolver(() => Organization)
export class OrganizationRecordResolver {
  @FieldResolver(() => [Instructor], { description: '派驻的党建指导员' })
  async instructors(@Root() o: Organization, @Ctx() ctx: PairingContext) {
    assertAllowed(ctx.caller, 'pairing.read');
    const node = await ctx.loaders.nodes.load(o.id);
    if (!node || !allowed(ctx.caller, 'pairing.read', { path: node.path })) return [];
    return (await ctx.loaders.instructorsOf.load(o.id)).map(toInstructor);
  }

  @FieldResolver(() => [JointCommittee], { description: '参加的共建委员会与特色支部营' })
  async jointCommittees(@Root() o: Organization, @Ctx() ctx: PairingContext) {
    assertAllowed(ctx.caller, 'pairing.read');
    const node = await ctx.loaders.nodes.load(o.id);
    if (!node || !allowed(ctx.caller, 'pairing.read', { path: node.path })) return [];
    return (await ctx.loaders.committeesOf.load(o.id)).map(toCommittee);
  }
}
