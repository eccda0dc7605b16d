import { addYears } from '@partybuild/calendar';
import { DayRange, checkDayWithin, checkNumberWithin } from '@partybuild/errors';
import { OrganizationErrors } from '../errors';
import { ORGANIZATION_RULES } from '../reference/organization-rules';
import { OrganizationKind } from './organization-kind';

/** Trims a name and checks it is neither empty nor over-long. */
export function normaliseName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw OrganizationErrors.NAME_EMPTY();
  const max = ORGANIZATION_RULES.name.maxLength;
  const length = [...trimmed].length;
  if (length > max) throw OrganizationErrors.NAME_TOO_LONG({ max, length });
  return trimmed;
}

export function normaliseCode(code: string): string {
  const trimmed = code.trim();
  if (!ORGANIZATION_RULES.code.pattern.test(trimmed)) {
    throw OrganizationErrors.CODE_INVALID({ orgCode: code });
  }
  return trimmed;
}

/** A temporary organisation exists for a task and needs the date it ends; others have none. */
export function checkEndDate(kind: OrganizationKind, endsOn: string | null | undefined, today: string): string | null {
  if (kind !== OrganizationKind.TEMPORARY_ORGANIZATION) {
    if (endsOn) throw OrganizationErrors.END_DATE_TEMPORARY_ONLY();
    return null;
  }
  if (!endsOn) throw OrganizationErrors.END_DATE_REQUIRED();
  if (endsOn < today) throw OrganizationErrors.END_DATE_PAST({ endsOn, today });
  return checkDayWithin('endsOn', '临时党组织任务结束日期', endsOn, {
    earliest: today,
    latest: addYears(today, ORGANIZATION_RULES.dates.temporaryEndsYearsAhead),
  });
}

export function checkStaffCount(value: number | null | undefined, field: string): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0) throw OrganizationErrors.COUNT_NOT_WHOLE({ field });
  return checkNumberWithin(field, COUNT_LABELS[field] ?? field, value, ORGANIZATION_RULES.counts.staff);
}

const COUNT_LABELS: Record<string, string> = {
  staffCount: '职工人数',
  fullTimeCadres: '专职党务干部人数',
  partTimeCadres: '兼职党务干部人数',
};

/** A past day of the tree's records (an election, a dissolution): from the limit of the rules until today. */
export const recordedDayRange = (today: string): DayRange => ({
  earliest: addYears(today, -ORGANIZATION_RULES.dates.yearsBack),
  latest: today,
});
