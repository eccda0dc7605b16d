import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 换届选举 — an election of a committee, with its date and results. */
@Entity('election')
export class ElectionRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  @Column('date', { name: 'held_on' })
  heldOn: string;

  @Column('date', { name: 'term_ends_on', nullable: true })
  termEndsOn: string | null;

  @Column('int', { name: 'eligible_voters', nullable: true })
  eligibleVoters: number | null;

  @Column('int', { name: 'votes_cast', nullable: true })
  votesCast: number | null;

  @Column('text', { nullable: true })
  notes: string | null;

  @Column('text', { name: 'recorded_by' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
