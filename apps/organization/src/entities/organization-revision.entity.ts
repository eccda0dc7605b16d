import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The history of an organisation: a snapshot after every change, never deleted. */
@Entity('organization_revision')
export class OrganizationRevisionRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  /** The event type that recorded the change, e.g. `organization.moved`. */
  @Column('text')
  change: string;

  @Column('jsonb')
  snapshot: Record<string, unknown>;

  @Column('text')
  actor: string;

  @Column('timestamptz', { name: 'changed_at', default: () => 'now()' })
  changedAt: Date;
}
