import { Column, Entity, PrimaryColumn } from 'typeorm';

/** 最佳党日活动 — a themed Party day nominated for the year's best. */
@Entity('best_party_day_nomination')
export class NominationRecord {
  @PrimaryColumn('uuid', { name: 'activity_id' })
  activityId: string;

  @Column('int')
  year: number;

  @Column('uuid', { name: 'host_path', array: true })
  hostPath: string[];

  @Column('text')
  reason: string;

  @Column('text', { name: 'nominated_by' })
  nominatedBy: string;

  @Column('timestamptz', { name: 'nominated_at', default: () => 'now()' })
  nominatedAt: Date;
}
