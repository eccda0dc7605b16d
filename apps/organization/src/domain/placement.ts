import { ORGANIZATION_RULES } from '../reference/organization-rules';
import { OrganizationErrors } from '../errors';
import { OrganizationKind } from './organization-kind';
import { kindLabel } from './labels';

export interface PlacedOrganization {
  id: string;
  name: string;
  kind: OrganizationKind;
  /** Ancestor ids, root first, without the organisation itself. */
  ancestorIds: string[];
}

/** May an organisation of `kind` stand under `parent` (or at the top when parent is null)? */
export function assertParentAllowed(kind: OrganizationKind, parent: Pick<PlacedOrganization, 'kind' | 'name'> | null): void {
  if (parent === null) {
    if (!(ORGANIZATION_RULES.rootKinds as readonly OrganizationKind[]).includes(kind)) {
      throw OrganizationErrors.ROOT_KIND_NOT_ALLOWED({ kindZh: kindLabel(kind, 'zh'), kindEn: kindLabel(kind) });
    }
    return;
  }
  const allowed: readonly OrganizationKind[] = ORGANIZATION_RULES.allowedParents[kind];
  if (!allowed.includes(parent.kind)) {
    throw OrganizationErrors.PARENT_KIND_NOT_ALLOWED({
      kindZh: kindLabel(kind, 'zh'),
      kindEn: kindLabel(kind),
      parentName: parent.name,
      parentKindZh: kindLabel(parent.kind, 'zh'),
      parentKindEn: kindLabel(parent.kind),
      optionsZh: allowed.map((k) => kindLabel(k, 'zh')).join('、') || '无（只能作为最高一级）',
      optionsEn: allowed.map((k) => kindLabel(k)).join(', ') || 'nothing (it stands at the top)',
    });
  }
}

/** Refuses to move an organisation under itself or under one of its own descendants. */
export function assertNoCycle(moved: Pick<PlacedOrganization, 'id' | 'name'>, newParent: PlacedOrganization): void {
  if (newParent.id === moved.id || newParent.ancestorIds.includes(moved.id)) {
    throw OrganizationErrors.MOVE_WOULD_CREATE_CYCLE({ name: moved.name, parentName: newParent.name });
  }
}

/** The ancestor path of a child placed under `parent`. */
export const childPath = (parent: PlacedOrganization | null): string[] => (parent ? [...parent.ancestorIds, parent.id] : []);
