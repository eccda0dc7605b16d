import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import type { MonthlyDue } from '@partybuild/dues';
import { DevelopmentStage, Gender, MemberCategory, MemberStatus } from '../domain/member-kinds';

/** A person's record. ID number and phone only sealed (encrypted) and, for the ID number, a keyed hash. */
@Entity('member')
export class MemberRecord {
  @PrimaryColumn('uuid')
  id: string;

  /** The branch-level organisation holding the record (while a transfer is pending: the sending one). */
  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  @Column('uuid', { name: 'party_group_id', nullable: true })
  partyGroupId: string | null;

  @Column('text')
  name: string;

  @Column('text')
  gender: Gender;

  @Column('text', { nullable: true })
  ethnicity: string | null;

  @Column('date', { name: 'birth_date' })
  birthDate: string;

  @Column('text', { nullable: true })
  education: string | null;

  @Column('text', { name: 'phone_sealed', nullable: true })
  phoneSealed: string | null;

  @Column('text', { name: 'id_number_sealed' })
  idNumberSealed: string;

  @Column('text', { name: 'id_number_hash' })
  idNumberHash: string;

  @Column('text', { name: 'work_unit', nullable: true })
  workUnit: string | null;

  @Column('text', { nullable: true })
  post: string | null;

  @Column('text')
  category: MemberCategory;

  @Column('text')
  status: MemberStatus;

  @Column('text')
  stage: DevelopmentStage;

  @Column('int', { name: 'last_step' })
  lastStep: number;

  @Column('date', { name: 'applied_on', nullable: true })
  appliedOn: string | null;

  @Column('date', { name: 'activist_since', nullable: true })
  activistSince: string | null;

  @Column('date', { name: 'candidate_since', nullable: true })
  candidateSince: string | null;

  @Column('date', { name: 'joined_on', nullable: true })
  joinedOn: string | null;

  @Column('date', { name: 'probation_ends_on', nullable: true })
  probationEndsOn: string | null;

  @Column('int', { name: 'probation_extensions', default: 0 })
  probationExtensions: number;

  @Column('date', { name: 'full_member_since', nullable: true })
  fullMemberSince: string | null;

  @Column('int', { name: 'dues_base_fen', nullable: true })
  duesBaseFen: number | null;

  /** First month dues are counted for (`YYYY-MM`). */
  @Column('text', { name: 'dues_start_month', nullable: true })
  duesStartMonth: string | null;

  /** The monthly due in fen from each month on, oldest first (kept by every recorded change). */
  @Column('jsonb', { name: 'monthly_dues', default: () => `'[]'` })
  monthlyDues: MonthlyDue[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
