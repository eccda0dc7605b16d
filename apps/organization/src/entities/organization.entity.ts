import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';
import { DepartmentCategory, OrganizationKind, OrganizationStatus, Sector } from '../domain/organization-kind';

@Entity('organization')
export class OrganizationRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text', { unique: true })
  code: string;

  @Column('text')
  name: string;

  @Column('text')
  kind: OrganizationKind;

  @Column('text')
  sector: Sector;

  @Column('text', { name: 'department_category', nullable: true })
  departmentCategory: DepartmentCategory | null;

  @Column('text', { name: 'hosting_unit', nullable: true })
  hostingUnit: string | null;

  @Column('int', { name: 'staff_count', nullable: true })
  staffCount: number | null;

  @Column('int', { name: 'full_time_cadres', nullable: true })
  fullTimeCadres: number | null;

  @Column('int', { name: 'part_time_cadres', nullable: true })
  partTimeCadres: number | null;

  @Column('uuid', { name: 'parent_id', nullable: true })
  parentId: string | null;

  /** Root first, without the organisation itself: subtree queries use `ancestor_ids @> {id}`. */
  @Column('uuid', { name: 'ancestor_ids', array: true })
  ancestorIds: string[];

  @Column('text')
  status: OrganizationStatus;

  @Column('date', { name: 'ends_on', nullable: true })
  endsOn: string | null;

  @Column('date', { name: 'dissolved_on', nullable: true })
  dissolvedOn: string | null;

  @Column('date', { name: 'term_started_on', nullable: true })
  termStartedOn: string | null;

  @Column('date', { name: 'term_ends_on', nullable: true })
  termEndsOn: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

/** The organisation's path as events carry it: root first, itself last. */
export const pathOf = (o: Pick<OrganizationRecord, 'id' | 'ancestorIds'>): string[] => [...o.ancestorIds, o.id];
