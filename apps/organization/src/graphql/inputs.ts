import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, PageArgs } from '@partybuild/federation';
import { CommitteeRole, DepartmentCategory, OrganizationKind, Sector } from '../domain/organization-kind';
import { TermStatus } from '../domain/committee-term';
import './enums';

@InputType({ description: 'A new organisation (成立党组织).' })
export class CreateOrganizationInput {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field(() => Sector)
  sector: Sector;

  @Field(() => ID, { nullable: true, description: 'The superior organisation; empty only for a top-level one.' })
  parentId?: string | null;

  @Field(() => DepartmentCategory, { nullable: true })
  departmentCategory?: DepartmentCategory | null;

  @Field(() => String, { nullable: true })
  hostingUnit?: string | null;

  @Field(() => Int, { nullable: true })
  staffCount?: number | null;

  @Field(() => Int, { nullable: true })
  fullTimeCadres?: number | null;

  @Field(() => Int, { nullable: true })
  partTimeCadres?: number | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Required for a temporary organisation.' })
  endsOn?: string | null;
}

@InputType({ description: 'Changes to an organisation; omitted fields stay as they are.' })
export class UpdateOrganizationInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => Sector, { nullable: true })
  sector?: Sector;

  @Field(() => DepartmentCategory, { nullable: true })
  departmentCategory?: DepartmentCategory | null;

  @Field(() => String, { nullable: true })
  hostingUnit?: string | null;

  @Field(() => Int, { nullable: true })
  staffCount?: number | null;

  @Field(() => Int, { nullable: true })
  fullTimeCadres?: number | null;

  @Field(() => Int, { nullable: true })
  partTimeCadres?: number | null;

  @Field(() => LocalDateScalar, { nullable: true })
  endsOn?: string | null;
}

@InputType({ description: 'One person elected or appointed to a committee.' })
export class AppointmentInput {
  @Field()
  personName: string;

  @Field(() => ID, { nullable: true })
  memberId?: string | null;

  @Field(() => CommitteeRole)
  role: CommitteeRole;
}

@InputType({ description: '换届选举 — the result of an election.' })
export class RecordElectionInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => LocalDateScalar)
  heldOn: string;

  @Field(() => [AppointmentInput], { description: 'The elected committee, secretary included.' })
  committee: AppointmentInput[];

  @Field(() => Int, { nullable: true })
  eligibleVoters?: number | null;

  @Field(() => Int, { nullable: true })
  votesCast?: number | null;

  @Field(() => String, { nullable: true })
  notes?: string | null;
}

@ArgsType()
export class SubtreeArgs extends PageArgs {
  @Field(() => [OrganizationKind], { nullable: true })
  kinds?: OrganizationKind[] | null;

  @Field(() => [Sector], { nullable: true })
  sectors?: Sector[] | null;

  @Field({ defaultValue: false })
  includeDissolved: boolean;
}

@ArgsType()
export class TermAlertArgs extends PageArgs {
  @Field(() => TermStatus, { defaultValue: TermStatus.DUE_SOON })
  status: TermStatus;

  @Field(() => Int, { defaultValue: 90, description: 'For DUE_SOON: terms ending within this many days.' })
  withinDays: number;

  @Field(() => ID, { nullable: true, description: 'Only this organisation and its subtree.' })
  under?: string | null;
}
