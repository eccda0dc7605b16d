import { ORGANIZATION_RULES } from '../reference/organization-rules';
import { MoveCycleError, ParentNotAllowedError } from '../errors';
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
      throw new ParentNotAllowedError(
        `A ${kindLabel(kind)} must belong to a superior organisation; only working committees and Party committees stand at the top.`,
      );
    }
    return;
  }
  const allowed: readonly OrganizationKind[] = ORGANIZATION_RULES.allowedParents[kind];
  if (!allowed.includes(parent.kind)) {
    const options = allowed.map(kindLabel).join(', ') || 'nothing (it stands at the top)';
    throw new ParentNotAllowedError(
      `A ${kindLabel(kind)} cannot be placed under ${parent.name} (a ${kindLabel(parent.kind)}); it may be placed under: ${options}.`,
    );
  }
}

/** Refuses to move an organisation under itself or under one of its own descendants. */
export function assertNoCycle(moved: Pick<PlacedOrganization, 'id' | 'name'>, newParent: PlacedOrganization): void {
  if (newParent.id === moved.id || newParent.ancestorIds.includes(moved.id)) {
    throw new MoveCycleError(moved.name, newParent.name);
  }
}

/** The ancestor path of a child placed under `parent`. */
export const childPath = (parent: PlacedOrganization | null): string[] => (parent ? [...parent.ancestorIds, parent.id] : []);
