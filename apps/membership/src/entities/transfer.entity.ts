import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TransferState } from '../domain/member-kinds';

/** 组织关系转接 — a transfer letter and what became of it. */
@Entity('member_transfer')
export class TransferRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { name: 'member_id' })
  memberId: string;

  @Column('uuid', { name: 'from_organization_id' })
  fromOrganizationId: string;

  /** Null when the member leaves the district. */
  @Column('uuid', { name: 'to_organization_id', nullable: true })
  toOrganizationId: string | null;

  /** Out of the district: where to (the receiving organisation's name elsewhere). */
  @Column('text', { nullable: true })
  destination: string | null;

  @Column('text')
  state: TransferState;

  @Column('date', { name: 'issued_on' })
  issuedOn: string;

  @Column('date', { name: 'expires_on' })
  expiresOn: string;

  @Column('date', { name: 'decided_on', nullable: true })
  decidedOn: string | null;

  @Column('text', { nullable: true })
  reason: string | null;

  @Column('text', { name: 'issued_by' })
  issuedBy: string;

  @Column('text', { name: 'decided_by', nullable: true })
  decidedBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
