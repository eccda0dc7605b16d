import type { EntityManager } from 'typeorm';
import { Caller, Role, canManage, hasRole, inScope } from '@partybuild/auth';
import { OrgNode, OrgTree } from '@partybuild/org-tree';
import { AssessmentErrors } from '../errors';

export function assertCanManage(caller: Caller): void {
  if (!canManage(caller)) throw AssessmentErrors.FORBIDDEN();
}

/** Schemes are the district's: only the district's organisation department writes them. */
export function assertDistrictAdmin(caller: Caller): void {
  if (!hasRole(caller, Role.DISTRICT_ADMIN)) throw AssessmentErrors.FORBIDDEN();
}

/** An organisation of the service's copy of the tree that the caller may see. */
export async function visibleNode(manager: EntityManager, caller: Caller, id: string): Promise<OrgNode> {
  const node = await new OrgTree(manager).node(id);
  if (!node) throw AssessmentErrors.ORGANIZATION_NOT_FOUND({ id });
  if (!inScope(caller, node.path)) throw AssessmentErrors.OUT_OF_SCOPE({ what: node.name });
  return node;
}

/** An organisation the caller manages and that still exists. */
export async function managedNode(manager: EntityManager, caller: Caller, id: string): Promise<OrgNode> {
  assertCanManage(caller);
  const node = await visibleNode(manager, caller, id);
  if (node.status !== 'ACTIVE') throw AssessmentErrors.ORGANIZATION_DISSOLVED({ name: node.name });
  return node;
}

export const YEARS = { min: 2000, max: 2100 };

export function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < YEARS.min || year > YEARS.max) throw AssessmentErrors.YEAR_OUT_OF_RANGE(YEARS, { field: 'year' });
  return year;
}

/** Trimmed text of 1..max characters, or the refusal naming the field and the limit. */
export function text(value: string | null | undefined, field: string, maxLength: number): string {
  const trimmed = (value ?? '').trim();
  if (!trimmed || [...trimmed].length > maxLength) throw AssessmentErrors.TEXT_TOO_LONG({ field, maxLength });
  return trimmed;
}

export function notInFuture(day: string, today: string): string {
  if (day > today) throw AssessmentErrors.DATE_IN_FUTURE({ day, today });
  return day;
}
