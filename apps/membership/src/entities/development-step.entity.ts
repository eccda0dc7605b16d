import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { StepData } from '../domain/development';
import type { DevelopmentStep } from '../domain/development-step';

/** One recorded development step with its date, actor and data. */
@Entity('development_step')
export class DevelopmentStepRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'member_id' })
  memberId: string;

  @Column('text')
  step: DevelopmentStep;

  @Column('int')
  ordinal: number;

  @Column('date', { name: 'on_date' })
  on: string;

  @Column('jsonb')
  data: StepData;

  /** The superior approved later than the rules ask (flagged, not refused). */
  @Column('boolean')
  late: boolean;

  @Column('text')
  actor: string;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' })
  recordedAt: Date;
}
