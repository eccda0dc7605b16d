import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, PageArgs, TextField } from '@partybuild/federation';
import { ORGANIZATION_RULES as R } from '../reference/organization-rules';
import { CommitteeRole, DepartmentCategory, OrganizationKind, Sector } from '../domain/organization-kind';
import { TermStatus } from '../domain/committee-term';
import './enums';

@InputType({ description: 'A new organisation (成立党组织).' })
export class CreateOrganizationInput {
  @TextField(R.text.code, { description: '组织代码 — unique, never reused' })
  code: string;

  @TextField(R.name.maxLength, { description: '名称 — full name' })
  name: string;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field(() => Sector)
  sector: Sector;

  @Field(() => ID, { nullable: true, description: 'The superior organisation; empty only for a top-level one.' })
  parentId?: string | null;

  @Field(() => DepartmentCategory, { nullable: true })
  departmentCategory?: DepartmentCategory | null;

  @TextField(R.text.hostingUnit, { nullable: true, description: '单位 — the unit the organisation is set up in' })
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
  @TextField(R.name.maxLength, { nullable: true, description: '名称 — full name' })
  name?: string;

  @Field(() => Sector, { nullable: true })
  sector?: Sector;

  @Field(() => DepartmentCategory, { nullable: true })
  departmentCategory?: DepartmentCategory | null;

  @TextField(R.text.hostingUnit, { nullable: true, description: '单位 — the unit the organisation is set up in' })
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
  @TextField(R.committeeMemberName.maxLength, { description: '姓名 — name' })
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

  @TextField(R.text.electionNotes, { nullable: true, description: '备注 — notes' })
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
