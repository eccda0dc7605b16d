import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { ActivityStatus, ActivityType } from '../domain/activity-type';
import type { Attachment } from '../domain/activity-record';

/** One activity: planned, then held (its record) or cancelled. Attendance is counted here too. */
@Entity('activity')
export class ActivityRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  type: ActivityType;

  @Column('text')
  status: ActivityStatus;

  @Column('uuid', { name: 'host_id' })
  hostId: string;

  /** The host's path (root first, itself last) when the activity was recorded. */
  @Column('uuid', { name: 'host_path', array: true })
  hostPath: string[];

  @Column('uuid', { name: 'co_host_ids', array: true, default: () => `'{}'` })
  coHostIds: string[];

  /** Co-hosts named outside the recorder's scope, until a cadre of theirs confirms (then in coHostIds). */
  @Column('uuid', { name: 'pending_co_host_ids', array: true, default: () => `'{}'` })
  pendingCoHostIds: string[];

  @Column('text')
  topic: string;

  @Column('date', { name: 'planned_on', nullable: true })
  plannedOn: string | null;

  @Column('date', { name: 'held_on', nullable: true })
  heldOn: string | null;

  /** held_on, else planned_on (a generated column). */
  @Column({ type: 'date', insert: false, update: false, readonly: true })
  day: string;

  @Column('text', { name: 'start_time', nullable: true })
  startTime: string | null;

  @Column('text', { nullable: true })
  place: string | null;

  @Column('text', { name: 'lecturer_name', nullable: true })
  lecturerName: string | null;

  @Column('uuid', { name: 'lecturer_member_id', nullable: true })
  lecturerMemberId: string | null;

  @Column('boolean', { name: 'lecturer_is_secretary', default: false })
  lecturerIsSecretary: boolean;

  @Column('text', { nullable: true })
  minutes: string | null;

  @Column('text', { name: 'business_link', nullable: true })
  businessLink: string | null;

  @Column('jsonb', { default: () => `'[]'` })
  attachments: Attachment[];

  @Column('date', { name: 'cancelled_on', nullable: true })
  cancelledOn: string | null;

  @Column('text', { name: 'cancel_reason', nullable: true })
  cancelReason: string | null;

  @Column('int', { default: 0 })
  expected: number;

  @Column('int', { default: 0 })
  present: number;

  @Column('int', { default: 0 })
  late: number;

  @Column('int', { default: 0 })
  excused: number;

  @Column('int', { default: 0 })
  absent: number;

  @Column('int', { name: 'voting_members', nullable: true })
  votingMembers: number | null;

  @Column('int', { name: 'voting_attending', nullable: true })
  votingAttending: number | null;

  @Column('text', { name: 'recorded_by' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
