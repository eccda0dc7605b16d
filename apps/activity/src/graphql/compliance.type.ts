import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@partybuild/federation';
import { PageOf } from '@partybuild/federation';
import { ActivityType, Frequency, Requirement, SlotStatus } from '../domain/activity-type';
import './enums';

@ObjectType({ description: '一个考核时段 — one month, quarter or year a requirement is judged on' })
export class ComplianceSlot {
  @Field({ description: '2026-07, 2026-Q3 or 2026' })
  period: string;

  @Field(() => LocalDateScalar)
  start: string;

  @Field(() => LocalDateScalar, { description: '截止日期 — the last day it can be held to count' })
  dueBy: string;

  @Field(() => Int, { description: 'Units that must hold it: 1, or the number of Party groups.' })
  required: number;

  @Field(() => Int, { description: 'Units that held it.' })
  satisfiedBy: number;

  @Field(() => SlotStatus)
  status: SlotStatus;
}

@ObjectType({ description: '一项组织生活要求的落实情况' })
export class RequirementCompliance {
  @Field(() => Requirement)
  requirement: Requirement;

  @Field(() => Frequency)
  frequency: Frequency;

  @Field(() => Int, { description: 'Times per period.' })
  times: number;

  @Field(() => [ComplianceSlot])
  slots: ComplianceSlot[];
}

@ObjectType({ description: '落实情况汇总 — compliance summed over organisations' })
export class ComplianceSummary {
  @Field(() => Int, { description: 'Organisations checked (branches; Party committees for democratic life meetings).' })
  organizations: number;

  @Field(() => Int, { description: 'Of them, those with nothing missing.' })
  withoutGaps: number;

  @Field(() => Int)
  satisfiedSlots: number;

  @Field(() => Int)
  missingSlots: number;

  @Field(() => Int)
  dueSlots: number;

  @Field(() => Float, { nullable: true, description: '三会一课落实率 — satisfied / (satisfied + missing)' })
  rate: number | null;
}

@ObjectType({ description: "三会一课落实情况 — an organisation's compliance in a period, derived from what was held" })
export class Compliance {
  @Field(() => ID)
  organizationId: string;

  @Field()
  period: string;

  @Field(() => [RequirementCompliance], { description: 'Its own requirements (none for a general branch).' })
  requirements: RequirementCompliance[];

  @Field(() => Int)
  satisfiedSlots: number;

  @Field(() => Int)
  missingSlots: number;

  @Field(() => Int)
  dueSlots: number;

  @Field(() => Float, { nullable: true })
  rate: number | null;

  @Field(() => ComplianceSummary, { description: 'The organisation and everything below it.' })
  subtree: ComplianceSummary;
}

export const CompliancePage = PageOf(Compliance, 'CompliancePage');

@ObjectType({ description: '三会一课落实情况报表 — every checked organisation below one' })
export class ComplianceReport {
  @Field()
  period: string;

  @Field(() => ComplianceSummary)
  summary: ComplianceSummary;

  @Field(() => CompliancePage, { description: 'Organisations, most missing first.' })
  organizations: InstanceType<typeof CompliancePage>;
}

@ObjectType({ description: '计划与落实 — planned against held, for one type' })
export class PlanLine {
  @Field(() => ActivityType)
  type: ActivityType;

  @Field(() => Int, { description: '计划数' })
  planned: number;

  @Field(() => Int, { description: '按计划开展' })
  heldAsPlanned: number;

  @Field(() => Int, { description: '已取消' })
  cancelled: number;

  @Field(() => Int, { description: '尚未开展' })
  stillPlanned: number;

  @Field(() => Int, { description: '计划外开展' })
  heldUnplanned: number;
}

@ObjectType({ description: '年度活动计划 — an organisation’s annual plan against what was held' })
export class ActivityPlan {
  @Field(() => ID)
  organizationId: string;

  @Field(() => Int)
  year: number;

  @Field(() => [PlanLine])
  lines: PlanLine[];
}
