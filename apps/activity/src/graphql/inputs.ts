import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { LocalDateScalar, PageArgs, TextField } from '@partybuild/federation';
import { ACTIVITY_RULES } from '../reference/activity-rules';

const TEXT = ACTIVITY_RULES.text;
import { ActivityType, AttendanceStatus } from '../domain/activity-type';
import './enums';

@InputType({ description: '主讲人 — the lecturer of a Party lecture' })
export class LecturerInput {
  @TextField(TEXT.lecturerName, { description: '姓名 — name' })
  name: string;

  @Field(() => ID, { nullable: true, description: "The lecturer's membership record; with it the secretary's lecture is recognised." })
  memberId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only used when the host has no secretary with a known member record: the recorder says the secretary lectured.',
  })
  asSecretary?: boolean | null;
}

@InputType({ description: 'A reference to a file kept elsewhere.' })
export class AttachmentInput {
  @TextField(TEXT.attachmentName, { description: '文件名 — file name' })
  name: string;

  @Field(() => Float)
  sizeBytes: number;

  @Field({ description: 'SHA-256 of the content, 64 hex digits.' })
  sha256: string;
}

/** The fields both records share (type-graphql inherits them; never used on its own). */
@InputType('ActivityRecordDetails')
abstract class RecordDetails {
  @Field(() => LocalDateScalar, { description: '开展日期; not in the future' })
  heldOn: string;

  @Field(() => String, { nullable: true, description: 'HH:MM' })
  startTime?: string | null;

  @TextField(TEXT.place, { nullable: true, description: '地点 — place' })
  place?: string | null;

  @Field(() => LecturerInput, { nullable: true, description: 'Required for a Party lecture.' })
  lecturer?: LecturerInput | null;

  @TextField(TEXT.minutes, { nullable: true, description: '会议记录 — minutes' })
  minutes?: string | null;

  @TextField(TEXT.businessLink, { nullable: true, description: '党建+业务 — the business work it served' })
  businessLink?: string | null;

  @Field(() => [AttachmentInput], { nullable: true })
  attachments?: AttachmentInput[] | null;
}

@InputType({ description: '活动记录 — what happened' })
export class HeldRecordInput extends RecordDetails {
  @TextField(TEXT.topic, { description: '主题 — topic' })
  topic: string;
}

@InputType({ description: '活动记录 of a planned activity: the topic may stay as planned.' })
export class HoldRecordInput extends RecordDetails {
  @TextField(TEXT.topic, { nullable: true, description: '主题 — topic' })
  topic?: string | null;
}

@InputType({ description: "One member's attendance." })
export class AttendanceEntryInput {
  @Field(() => ID)
  memberId: string;

  @Field(() => AttendanceStatus)
  status: AttendanceStatus;
}

@InputType({ description: '出勤登记 — the attendance of the whole meeting in one call' })
export class AttendanceInput {
  @Field(() => [AttendanceEntryInput])
  entries: AttendanceEntryInput[];

  @Field({ defaultValue: false, description: 'Record every member of the host not listed as absent.' })
  othersAbsent: boolean;
}

@InputType({ description: '登记已开展的活动 — an activity held (with or without a plan), with its attendance' })
export class RecordActivityInput {
  @Field(() => ID, { description: 'The host organisation.' })
  organizationId: string;

  @Field(() => ActivityType)
  type: ActivityType;

  @Field(() => [ID], {
    nullable: true,
    description: "联办组织 — co-hosts of a joint activity; those outside the recorder's scope count once a cadre of theirs confirms",
  })
  coHostIds?: string[] | null;

  @Field(() => HeldRecordInput)
  record: HeldRecordInput;

  @Field(() => AttendanceInput, { nullable: true })
  attendance?: AttendanceInput | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '确属另一次活动 — the same organisation, type, day and topic as one already recorded, on purpose (otherwise refused as a repeat)',
  })
  intendedDuplicate?: boolean | null;
}

@InputType({ description: '计划一项活动' })
export class PlanActivityInput {
  @Field(() => ID)
  organizationId: string;

  @Field(() => ActivityType)
  type: ActivityType;

  @Field(() => LocalDateScalar)
  plannedOn: string;

  @TextField(TEXT.topic, { description: '主题 — topic' })
  topic: string;

  @Field(() => [ID], { nullable: true })
  coHostIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '确属另一次活动 — the same organisation, type, day and topic as one already recorded, on purpose (otherwise refused as a repeat)',
  })
  intendedDuplicate?: boolean | null;
}

@InputType({ description: 'One line of an annual plan.' })
export class PlanItemInput {
  @Field(() => ActivityType)
  type: ActivityType;

  @Field(() => LocalDateScalar)
  plannedOn: string;

  @TextField(TEXT.topic, { description: '主题 — topic' })
  topic: string;

  @Field(() => [ID], { nullable: true })
  coHostIds?: string[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '确属另一次活动 — the same organisation, type, day and topic as one already recorded, on purpose (otherwise refused as a repeat)',
  })
  intendedDuplicate?: boolean | null;
}

@ArgsType()
export class ActivityListArgs extends PageArgs {
  @Field(() => [ActivityType], { nullable: true })
  types?: ActivityType[] | null;

  @Field(() => String, { nullable: true, description: '2026, 2026-Q3 or 2026-07' })
  period?: string | null;

  @Field({ defaultValue: false, description: 'Also activities hosted anywhere below the organisation.' })
  includeSubtree: boolean;
}

@ArgsType()
export class ReminderArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only this organisation and its subtree.' })
  under?: string | null;

  @Field(() => Int, { defaultValue: 14, description: 'Planned activities due within this many days, and overdue ones.' })
  withinDays: number;
}

@ArgsType()
export class ComplianceReportArgs extends PageArgs {
  @Field(() => ID)
  under: string;

  @Field({ description: '2026, 2026-Q3 or 2026-07' })
  period: string;

  @Field({ defaultValue: false, description: 'Only organisations with something missing.' })
  onlyWithGaps: boolean;
}
