import type { EntityManager } from 'typeorm';
import { appendToOutbox, createEnvelope } from '@partybuild/events';
import { OrganizationRecord, pathOf } from '../entities';

/** The event types this service publishes on `partybuild.organization`. */
export const OrganizationEvent = {
  CREATED: 'organization.created',
  UPDATED: 'organization.updated',
  MOVED: 'organization.moved',
  DISSOLVED: 'organization.dissolved',
  COMMITTEE_CHANGED: 'organization.committee-changed',
  ELECTION_RECORDED: 'organization.election-recorded',
} as const;

/** What every organisation event carries about the organisation itself (no personal data). */
export function snapshotOf(o: OrganizationRecord) {
  return {
    id: o.id,
    code: o.code,
    name: o.name,
    kind: o.kind,
    sector: o.sector,
    departmentCategory: o.departmentCategory,
    hostingUnit: o.hostingUnit,
    staffCount: o.staffCount,
    parentId: o.parentId,
    status: o.status,
    endsOn: o.endsOn,
    dissolvedOn: o.dissolvedOn,
    termStartedOn: o.termStartedOn,
    termEndsOn: o.termEndsOn,
  };
}

/**
 * Records a change to an organisation in the caller's transaction: a revision for its
 * history and the event for everyone else. No change without its event, and the reverse.
 */
export async function recordChange(
  manager: EntityManager,
  organization: OrganizationRecord,
  type: string,
  actor: string,
  data: Record<string, unknown> = {},
): Promise<void> {
  const snapshot = snapshotOf(organization);
  await manager.query(`INSERT INTO organization_revision (organization_id, change, snapshot, actor) VALUES ($1, $2, $3, $4)`, [
    organization.id,
    type,
    JSON.stringify(snapshot),
    actor,
  ]);
  const envelope = createEnvelope('organization', {
    type,
    aggregateId: organization.id,
    organizationId: organization.id,
    organizationPath: pathOf(organization),
    actor,
    data: { organization: snapshot, ...data },
  });
  await appendToOutbox(manager, [envelope]);
}
