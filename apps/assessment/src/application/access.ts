import type { EntityManager } from 'typeorm';
import { Caller, Operation, assertAllowed } from '@partybuild/auth';
import { OrgNode, OrgTree } from '@partybuild/org-tree';
import { AssessmentErrors } from '../errors';

/** May the caller's role record assessments at all (before the organisation is known)? */
export function assertCanManage(caller: Caller): void {
  assertAllowed(caller, 'assessment.manage');
}

/** Schemes are the district's: only the district's organisation department writes them. */
export function assertSchemeManager(caller: Caller): void {
  assertAllowed(caller, 'assessment.scheme.manage');
}

/** An organisation of the service's copy of the tree on which the access table lets the caller do `operation`. */
export async function visibleNode(
  manager: EntityManager,
  caller: Caller,
  id: string,
  operation: Operation = 'assessment.scores',
): Promise<OrgNode> {
  const node = await new OrgTree(manager).node(id);
  if (!node) throw AssessmentErrors.ORGANIZATION_NOT_FOUND({ id });
  assertAllowed(caller, operation, { path: node.path }, node.name);
  return node;
}

/** An organisation the caller manages and that still exists. */
export async function managedNode(manager: EntityManager, caller: Caller, id: string): Promise<OrgNode> {
  const node = await visibleNode(manager, caller, id, 'assessment.manage');
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
