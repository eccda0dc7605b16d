/**
 * The numbers the figures use, in one place: age bands (as of the day asked), what counts as
 * a Party member and as departed, and the structural thresholds of a branch. 三会一课 and
 * 组织生活 are counted by the shared definition in `@partybuild/compliance`.
 */
export const STATISTICS_RULES = {
  /** Longest text arguments accepted (characters), stated in the schema. */
  text: { kind: 40 },
  /** Upper bounds (inclusive) of the age bands; the last band is open. */
  ageBands: [
    { label: '≤30', maxAge: 30 },
    { label: '31-40', maxAge: 40 },
    { label: '41-50', maxAge: 50 },
    { label: '51-60', maxAge: 60 },
    { label: '61+', maxAge: null },
  ],
  memberStages: ['PROBATIONARY', 'FULL'],
  departedStatuses: ['TRANSFERRED_OUT', 'DECEASED', 'EXPELLED'],
  branch: { minFullMembers: 3, maxMembers: 50 },
  /**
   * Breakdowns of people (gender, age band, education…) shown to callers who may not see the
   * people themselves withhold any cell of fewer than this many (STATISTICS_MIN_CELL_SIZE).
   */
  minimumCellSize: 3,
  /** How long before a committee's term ends an election counts as due. */
  electionDueWithinDays: 90,
} as const;
