import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** The audit log of unmasked reads: who, when, whose record, which fields. */
@Entity('personal_data_access')
export class PersonalDataAccessRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('uuid', { name: 'member_id' })
  memberId: string;

  @Column('text')
  actor: string;

  @Column('text', { name: 'actor_roles', array: true })
  actorRoles: string[];

  @Column('text', { array: true })
  fields: string[];

  /** `read` (a GraphQL field) or `export`. */
  @Column('text')
  purpose: string;

  @Column('text', { name: 'request_id' })
  requestId: string;

  @CreateDateColumn({ name: 'accessed_at', type: 'timestamptz' })
  accessedAt: Date;
}
