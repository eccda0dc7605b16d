import { PairKind, PairStatus } from './kinds';
import { assertTransition, checkSides, termEnd } from './pair';

const org = (id: string, sector: string, kind = 'PARTY_COMMITTEE', status = 'ACTIVE') => ({ id, name: `组织${id}`, kind, sector, status });
const codeOf = (f: () => void) => {
  try {
    f();
  } catch (error) {
    return (error as { code: string }).code;
  }
  return null;
};

describe('pair rules', () => {
  it('joins an agency with a village or community, and refuses everything else with its own code', () => {
    expect(codeOf(() => checkSides(PairKind.AGENCY_VILLAGE, org('a', 'AGENCY'), org('v', 'RURAL')))).toBeNull();
    expect(codeOf(() => checkSides(PairKind.AGENCY_VILLAGE, org('a', 'AGENCY'), org('a', 'AGENCY')))).toBe('PAIR_WITH_ITSELF');
    expect(codeOf(() => checkSides(PairKind.AGENCY_VILLAGE, org('a', 'AGENCY'), org('b', 'PUBLIC_INSTITUTION')))).toBe('TWO_AGENCIES');
    expect(codeOf(() => checkSides(PairKind.AGENCY_VILLAGE, org('v', 'RURAL'), org('w', 'COMMUNITY')))).toBe('NOT_AN_AGENCY');
    expect(codeOf(() => checkSides(PairKind.AGENCY_VILLAGE, org('a', 'AGENCY'), org('e', 'ENTERPRISE')))).toBe('NOT_A_VILLAGE');
    expect(codeOf(() => checkSides(PairKind.AGENCY_VILLAGE, org('a', 'AGENCY'), org('v', 'RURAL', 'BRANCH', 'DISSOLVED')))).toBe(
      'ORGANIZATION_DISSOLVED',
    );
    expect(codeOf(() => checkSides(PairKind.STRONG_WEAK_BRANCH, org('a', 'AGENCY', 'BRANCH'), org('v', 'RURAL', 'BRANCH')))).toBeNull();
    expect(codeOf(() => checkSides(PairKind.STRONG_WEAK_BRANCH, org('a', 'AGENCY'), org('v', 'RURAL', 'BRANCH')))).toBe('NOT_BRANCHES');
  });

  it('moves proposed → active → ended only', () => {
    expect(codeOf(() => assertTransition(PairStatus.PROPOSED, PairStatus.ACTIVE))).toBeNull();
    expect(codeOf(() => assertTransition(PairStatus.ACTIVE, PairStatus.ENDED))).toBeNull();
    expect(codeOf(() => assertTransition(PairStatus.PROPOSED, PairStatus.ENDED))).toBeNull();
    expect(codeOf(() => assertTransition(PairStatus.ENDED, PairStatus.ACTIVE))).toBe('PAIR_STATUS');
    expect(codeOf(() => assertTransition(PairStatus.ACTIVE, PairStatus.ACTIVE))).toBe('PAIR_STATUS');
  });

  it('ends a term the day before the same date months later, clamped to short months', () => {
    expect(termEnd('2026-01-01', 36)).toBe('2028-12-31');
    expect(termEnd('2026-03-31', 11)).toBe('2027-02-27');
    expect(termEnd('2026-11-22', 1)).toBe('2026-12-21');
  });
});
