import { OrganizationKind as K } from './organization-kind';
import { TermStatus, termEndsOn, termStatus } from './committee-term';

describe('committee terms', () => {
  it('gives branches and general branches 3 years and Party committees 5', () => {
    expect(termEndsOn(K.BRANCH, '2023-03-15')).toBe('2026-03-15');
    expect(termEndsOn(K.GENERAL_BRANCH, '2023-03-15')).toBe('2026-03-15');
    expect(termEndsOn(K.PARTY_COMMITTEE, '2021-12-20')).toBe('2026-12-20');
  });

  it('gives Party groups no elected term', () => {
    expect(termEndsOn(K.PARTY_GROUP, '2023-03-15')).toBeNull();
  });

  it('ends a term elected on 29 February on 28 February', () => {
    expect(termEndsOn(K.BRANCH, '2024-02-29')).toBe('2027-02-28');
  });

  it('warns within the warning window and flags overdue terms', () => {
    expect(termStatus('2026-12-20', '2026-11-22', 90)).toBe(TermStatus.DUE_SOON);
    expect(termStatus('2027-06-01', '2026-11-22', 90)).toBe(TermStatus.IN_TERM);
    expect(termStatus('2026-11-21', '2026-11-22', 90)).toBe(TermStatus.OVERDUE);
    expect(termStatus('2026-11-22', '2026-11-22', 90)).toBe(TermStatus.DUE_SOON);
    expect(termStatus(null, '2026-11-22', 90)).toBe(TermStatus.NO_TERM);
  });
});
