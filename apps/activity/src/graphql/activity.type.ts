import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { LocalDateScalar } from '@partybuild/federation';
import { PageOf } from '@partybuild/federation';
import { ActivityStatus, ActivityType, AttendanceStatus } from '../domain/activity-type';
import './enums';

@ObjectType({ description: '主讲人 — who gave a Party lecture' })
export class Lecturer {
  @Field()
  name: string;

  @Field(() => ID, { nullable: true, description: "The lecturer's membership record, when known." })
  memberId: string | null;

  @Field({ description: '是否书记讲党课 — whether the lecturer was the host’s secretary' })
  isSecretary: boolean;
}

@ObjectType({ description: '附件 — a reference to a file kept elsewhere (not the file)' })
export class Attachment {
  @Field()
  name: string;

  @Field(() => Float, { description: 'Size in bytes.' })
  sizeBytes: number;

  @Field({ description: 'SHA-256 of the content, hex.' })
  sha256: string;
}

@ObjectType({ description: '出勤统计 — attendance of one activity, counted' })
export class AttendanceCounts {
  @Field(() => Int, { description: '应到 — members expected' })
  expected: number;

  @Field(() => Int, { description: '出席' })
  present: number;

  @Field(() => Int, { description: '迟到' })
  late: number;

  @Field(() => Int, { description: '请假' })
  excused: number;

  @Field(() => Int, { description: '缺席' })
  absent: number;

  @Field(() => Int, { description: '未登记 — expected members with no answer recorded yet' })
  unrecorded: number;

  @Field(() => Float, { nullable: true, description: '参会率 — (present + late) / recorded answers' })
  rate: number | null;
}

@ObjectType({ description: '表决有效人数 — quorum of a general meeting (more than half of the members with voting rights)' })
export class Quorum {
  @Field(() => Int, { description: '有表决权党员数' })
  votingMembers: number;

  @Field(() => Int, { description: '到会有表决权党员数' })
  votingAttending: number;

  @Field(() => Int, { description: 'The fewest voting members who must attend.' })
  required: number;

  @Field({ description: 'Whether votes taken at this meeting are valid.' })
  reached: boolean;
}

@ObjectType({ description: '组织生活 — a meeting, lecture, Party day or service' })
export class Activity {
  @Field(() => ID)
  id: string;

  @Field(() => ActivityType)
  type: ActivityType;

  @Field(() => ActivityStatus)
  status: ActivityStatus;

  @Field(() => ID, { description: 'The host organisation (主办).' })
  hostId: string;

  @Field(() => [ID], { description: 'Co-hosts (联办), e.g. a paired village branch.' })
  coHostIds: string[];

  @Field(() => [ID], { description: "待确认的联办组织 — co-hosts named outside the recorder's scope, not yet confirmed by their cadres." })
  pendingCoHostIds: string[];

  @Field({ description: '主题 — topic' })
  topic: string;

  @Field(() => LocalDateScalar, { nullable: true, description: '计划日期 — the day planned' })
  plannedOn: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '开展日期 — the day held' })
  heldOn: string | null;

  @Field(() => String, { nullable: true, description: '开始时间 HH:MM' })
  startTime: string | null;

  @Field(() => String, { nullable: true, description: '地点 — place' })
  place: string | null;

  @Field(() => String, { nullable: true, description: '会议记录 — minutes' })
  minutes: string | null;

  @Field(() => String, { nullable: true, description: '党建+业务 — the business work it served' })
  businessLink: string | null;

  @Field(() => [Attachment])
  attachments: Attachment[];

  @Field(() => LocalDateScalar, { nullable: true })
  cancelledOn: string | null;

  @Field(() => String, { nullable: true, description: '取消原因' })
  cancelReason: string | null;

  lecturerName: string | null;
  lecturerMemberId: string | null;
  lecturerIsSecretary: boolean;
  expected: number;
  present: number;
  late: number;
  excused: number;
  absent: number;
  votingMembers: number | null;
  votingAttending: number | null;
  hostPath: string[];
}

export const ActivityPage = PageOf(Activity, 'ActivityPage');

@ObjectType({ description: "一人一次出勤 — one member's attendance at one activity" })
export class AttendanceEntry {
  @Field(() => ID)
  activityId: string;

  @Field(() => ID)
  memberId: string;

  @Field(() => AttendanceStatus)
  status: AttendanceStatus;

  @Field(() => LocalDateScalar, { description: 'The day of the activity.' })
  day: string;
}

export const AttendanceEntryPage = PageOf(AttendanceEntry, 'AttendanceEntryPage');

@ObjectType({ description: '最佳党日活动推荐 — a nomination for the year’s best themed Party day' })
export class BestPartyDayNomination {
  @Field(() => ID)
  activityId: string;

  @Field(() => Int)
  year: number;

  @Field({ description: '推荐理由 — typicality and effect' })
  reason: string;

  @Field()
  nominatedBy: string;

  @Field()
  nominatedAt: Date;
}

export const BestPartyDayNominationPage = PageOf(BestPartyDayNomination, 'BestPartyDayNominationPage');
