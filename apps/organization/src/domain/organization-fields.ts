import { InvalidInputError } from '../errors';
import { ORGANIZATION_RULES } from '../reference/organization-rules';
import { OrganizationKind } from './organization-kind';

/** Trims a name and checks it is neither empty nor over-long. */
export function normaliseName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new InvalidInputError('name', 'The organisation name is empty; please give its full name.');
  const max = ORGANIZATION_RULES.name.maxLength;
  if ([...trimmed].length > max) {
    throw new InvalidInputError('name', `The organisation name is longer than ${max} characters; please shorten it.`);
  }
  return trimmed;
}

export function normaliseCode(code: string): string {
  const trimmed = code.trim();
  if (!ORGANIZATION_RULES.code.pattern.test(trimmed)) {
    throw new InvalidInputError(
      'code',
      `"${code}" is not a valid organisation code: use 1–32 letters, digits, dots, dashes or underscores.`,
    );
  }
  return trimmed;
}

/** A temporary organisation exists for a task and needs the date it ends; others have none. */
export function checkEndDate(kind: OrganizationKind, endsOn: string | null | undefined, today: string): string | null {
  if (kind !== OrganizationKind.TEMPORARY_ORGANIZATION) {
    if (endsOn) throw new InvalidInputError('endsOn', 'Only a temporary organisation (临时党组织) has an end date.');
    return null;
  }
  if (!endsOn) throw new InvalidInputError('endsOn', 'A temporary organisation (临时党组织) needs the date its task ends.');
  if (endsOn < today) throw new InvalidInputError('endsOn', `The end date ${endsOn} is already past.`);
  return endsOn;
}

export function checkStaffCount(value: number | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0) throw new InvalidInputError(field, `${field} must be a whole number, 0 or more.`);
  return value;
}
