import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageOf } from '@partybuild/federation';
import { StructuralIssue } from '../domain/structural-rules';
import { Organization } from './organization.type';

registerEnumType(StructuralIssue, {
  name: 'StructuralIssue',
  description: '组织设置问题 — a rule of 中国共产党支部工作条例 the branch breaks',
  valuesConfig: {
    TOO_FEW_FULL_MEMBERS: { description: '正式党员不足3人 — fewer than 3 full members' },
    TOO_MANY_MEMBERS: { description: '党员超过50人 — more than 50 members: split it or form a general branch' },
    NO_COMMITTEE: { description: '党员7人以上未设支委会 — 7 or more members but no committee' },
  },
});

@ObjectType({ description: '支部设置情况 — members and committee of a branch-level organisation' })
export class BranchStructure {
  @Field(() => Int, { description: '党员数 — full and probationary members' })
  members: number;

  @Field(() => Int, { description: '正式党员数 — full members' })
  fullMembers: number;

  @Field(() => Int, { description: '现任委员数 — current committee appointments' })
  committeeMembers: number;

  @Field(() => [StructuralIssue])
  issues: StructuralIssue[];
}

@ObjectType({ description: 'A branch that breaks a structural rule.' })
export class StructuralReport extends BranchStructure {
  @Field(() => Organization)
  organization: Organization;
}

export const StructuralReportPage = PageOf(StructuralReport, 'StructuralReportPage');
