import { Caller, allowed } from '@partybuild/auth';
import type { LabelCount, MemberFigures } from '../figures/figures';

/** A count that may be withheld: `count` null and `suppressed` true when the cell is too small to show. */
export interface ShownCount {
  key: string;
  count: number | null;
  suppressed: boolean;
}

/**
 * Whether a caller may see the people of an organisation, so that its breakdowns need no
 * hiding: the access table's `member.read` on the organisation (a district administrator, or a
 * cadre whose scope holds it). Analysts (aggregated figures only) and everyone else see small
 * cells suppressed.
 */
export const maySeePeople = (caller: Caller, organizationPath: readonly string[]): boolean =>
  allowed(caller, 'member.read', { path: organizationPath });

/**
 * Withholds every cell of a breakdown under `minimum` people (a branch of two broken down by
 * gender and age names them). When one cell alone is withheld, the next smallest is withheld
 * too: otherwise the total minus the others gives it back. Totals are never withheld.
 */
export function suppressSmallCells(cells: readonly LabelCount[], minimum: number): ShownCount[] {
  const hidden = new Set(cells.filter((c) => c.count > 0 && c.count < minimum).map((c) => c.key));
  if (hidden.size === 1) {
    const next = cells.filter((c) => !hidden.has(c.key)).sort((a, b) => a.count - b.count || a.key.localeCompare(b.key))[0];
    if (next) hidden.add(next.key);
  }
  return cells.map((c) => (hidden.has(c.key) ? { key: c.key, count: null, suppressed: true } : { ...c, suppressed: false }));
}

const shown = (cells: readonly LabelCount[]): ShownCount[] => cells.map((c) => ({ ...c, suppressed: false }));

export type ShownMemberFigures = Omit<MemberFigures, 'byStage' | 'byStatus' | 'byGender' | 'byAgeBand' | 'byEducation' | 'byCategory'> &
  Record<'byStage' | 'byStatus' | 'byGender' | 'byAgeBand' | 'byEducation' | 'byCategory', ShownCount[]>;

/** The member breakdowns as a caller may see them: whole, or with small cells withheld. */
export function membersFor(m: MemberFigures, caller: Caller, organizationPath: readonly string[], minimum: number): ShownMemberFigures {
  const show = maySeePeople(caller, organizationPath) ? shown : (cells: readonly LabelCount[]) => suppressSmallCells(cells, minimum);
  return {
    ...m,
    byStage: show(m.byStage),
    byStatus: show(m.byStatus),
    byGender: show(m.byGender),
    byAgeBand: show(m.byAgeBand),
    byEducation: show(m.byEducation),
    byCategory: show(m.byCategory),
  };
}
