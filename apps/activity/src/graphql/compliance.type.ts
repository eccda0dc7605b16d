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

@ObjectType({ description: '应开与已开 — required activities and, of them, held (each organisation and month or quarter is one)' })
export class ComplianceTally {
  @Field(() => Int, { description: '应开 — required: its month or quarter has ended, or it was already held' })
  required: number;

  @Field(() => Int, { description: '已开 — of those, held' })
  held: number;

  @Field(() => Float, { nullable: true, description: 'held ÷ required, 0–1; null when nothing is required yet' })
  rate: number | null;
}

@ObjectType({ description: '落实情况汇总 — compliance summed over organisations' })
export class ComplianceSummary {
  @Field(() => Int, { description: 'Organisations checked (branches; Party committees for democratic life meetings).' })
  organizations: number;

  @Field(() => Int, { description: 'Of them, those with nothing missing.' })
  withoutGaps: number;

  @Field(() => Int, { description: 'Slots of every requirement satisfied (三会一课, 组织生活 and the others)' })
  satisfiedSlots: number;

  @Field(() => Int, { description: 'Slots of every requirement that ended without it' })
  missingSlots: number;

  @Field(() => Int, { description: 'Slots of every requirement still open' })
  dueSlots: number;

  @Field(() => Float, {
    nullable: true,
    description:
      '三会一课落实率 — the four kinds only (支部党员大会 quarterly, 支委会 monthly where a committee is due, 党小组会 monthly per Party group, 党课 quarterly): held ÷ required, summed over the organisations',
  })
  rate: number | null;

  @Field(() => ComplianceTally, { description: '三会一课 — required and held (the four kinds only)' })
  threeMeetingsOneLesson: ComplianceTally;

  @Field(() => ComplianceTally, { description: '组织生活 — 主题党日 and 组织生活会, reported beside 三会一课, not inside it' })
  organizationalLife: ComplianceTally;
}

@ObjectType({ description: "三会一课落实情况 — an organisation's compliance in a period, derived from what was held" })
export class Compliance {
  @Field(() => ID)
  organizationId: string;

  @Field()
  period: string;

  @Field(() => [RequirementCompliance], { description: 'Its own requirements (none for a general branch).' })
  requirements: RequirementCompliance[];

  @Field(() => Int, { description: 'Slots of every requirement satisfied (三会一课, 组织生活 and the others)' })
  satisfiedSlots: number;

  @Field(() => Int, { description: 'Slots of every requirement that ended without it' })
  missingSlots: number;

  @Field(() => Int, { description: 'Slots of every requirement still open' })
  dueSlots: number;

  @Field(() => Float, { nullable: true, description: '三会一课落实率 of the organisation itself (the four kinds only)' })
  rate: number | null;

  @Field(() => ComplianceTally, { description: '三会一课 — required and held (the four kinds only)' })
  threeMeetingsOneLesson: ComplianceTally;

  @Field(() => ComplianceTally, { description: '组织生活 — 主题党日 and 组织生活会, beside 三会一课' })
  organizationalLife: ComplianceTally;

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
