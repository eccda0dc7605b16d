import type { EntityManager } from 'typeorm';
import type { OrganizationSnapshot } from '@partybuild/contracts';
import { appendToOutbox, createEnvelope } from '@partybuild/events';
import { OrganizationRecord, pathOf } from '../entities';

export { OrganizationEventType as OrganizationEvent } from '@partybuild/contracts';

/** What every organisation event carries about the organisation itself (no personal data). */
export function snapshotOf(o: OrganizationRecord): OrganizationSnapshot {
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
