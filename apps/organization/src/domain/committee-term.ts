import { ORGANIZATION_RULES } from '../reference/organization-rules';
import { OrganizationKind } from './organization-kind';
import { addYears, daysBetween } from '@partybuild/calendar';

/** The day a committee elected on `electedOn` must hold its next election, or null if it has no term. */
export function termEndsOn(kind: OrganizationKind, electedOn: string, termYears?: number | null): string | null {
  const years = termYears ?? ORGANIZATION_RULES.committeeTermYears[kind];
  return years ? addYears(electedOn, years) : null;
}

export enum TermStatus {
  /** 任期内 */
  IN_TERM = 'IN_TERM',
  /** 即将到期 — the election reminder applies */
  DUE_SOON = 'DUE_SOON',
  /** 逾期未换届 */
  OVERDUE = 'OVERDUE',
  /** No elected committee recorded */
  NO_TERM = 'NO_TERM',
}

export function termStatus(endsOn: string | null, today: string, warningDays = ORGANIZATION_RULES.termWarningDays): TermStatus {
  if (!endsOn) return TermStatus.NO_TERM;
  const left = daysBetween(today, endsOn);
  if (left < 0) return TermStatus.OVERDUE;
  return left <= warningDays ? TermStatus.DUE_SOON : TermStatus.IN_TERM;
}
