import { Column, Entity, PrimaryColumn } from 'typeorm';
import { AttendanceStatus } from '../domain/activity-type';

/** One member's attendance at one activity; `day` is the activity's, for per-member periods. */
@Entity('attendance')
export class AttendanceRecord {
  @PrimaryColumn('uuid', { name: 'activity_id' })
  activityId: string;

  @PrimaryColumn('uuid', { name: 'member_id' })
  memberId: string;

  @Column('text')
  status: AttendanceStatus;

  @Column('date')
  day: string;

  @Column('text', { name: 'recorded_by' })
  recordedBy: string;

  @Column('timestamptz', { name: 'recorded_at', default: () => 'now()' })
  recordedAt: Date;
}
