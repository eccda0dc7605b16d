import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar, PageOf } from '@partybuild/federation';
import { DepartmentCategory, OrganizationKind, OrganizationStatus, Sector } from '../domain/organization-kind';
import './enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: '党组织 — a Party organisation in the district tree' })
export class Organization {
  @Field(() => ID)
  id: string;

  @Field({ description: '组织编码 — unique code, never reused' })
  code: string;

  @Field({ description: '组织名称 — full name' })
  name: string;

  @Field(() => OrganizationKind)
  kind: OrganizationKind;

  @Field(() => Sector)
  sector: Sector;

  @Field(() => DepartmentCategory, { nullable: true })
  departmentCategory: DepartmentCategory | null;

  @Field(() => String, { nullable: true, description: '所在单位 — the hosting unit' })
  hostingUnit: string | null;

  @Field(() => Int, { nullable: true, description: '单位职工数 — staff of the hosting unit' })
  staffCount: number | null;

  @Field(() => Int, { nullable: true, description: '专职党务干部 — full-time party-affairs cadres' })
  fullTimeCadres: number | null;

  @Field(() => Int, { nullable: true, description: '兼职党务干部 — part-time party-affairs cadres' })
  partTimeCadres: number | null;

  @Field(() => ID, { nullable: true })
  parentId: string | null;

  @Field(() => [ID], { description: 'Ancestor ids, root first, without the organisation itself.' })
  ancestorIds: string[];

  @Field(() => OrganizationStatus)
  status: OrganizationStatus;

  @Field(() => LocalDateScalar, { nullable: true, description: 'For a temporary organisation: the day its task ends.' })
  endsOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '撤销日期 — the day it was dissolved' })
  dissolvedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '本届任期开始 — start of the current committee term' })
  termStartedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '本届任期届满 — end of the current committee term' })
  termEndsOn: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;
}

export const OrganizationPage = PageOf(Organization, 'OrganizationPage');
