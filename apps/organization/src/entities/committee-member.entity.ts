import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CommitteeRole } from '../domain/organization-kind';

/** One person's appointment to an organisation's committee for a term. */
@Entity('committee_member')
@Index(['organizationId', 'endedOn'])
export class CommitteeMemberRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  @Column('text', { name: 'person_name' })
  personName: string;

  /** The person's membership record, when known (owned by the membership service). */
  @Column('uuid', { name: 'member_id', nullable: true })
  memberId: string | null;

  @Column('text')
  role: CommitteeRole;

  @Column('date', { name: 'term_start' })
  termStart: string;

  @Column('date', { name: 'term_end', nullable: true })
  termEnd: string | null;

  @Column('date', { name: 'ended_on', nullable: true })
  endedOn: string | null;

  @Column('uuid', { name: 'election_id', nullable: true })
  electionId: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
