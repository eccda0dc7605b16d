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

/**
 * 考核得分分布: the brackets final scores (out of 100) are counted in, by the year assessed.
 * Each bracket is the lowest score it takes, highest first; a new set takes effect from its
 * year and earlier years keep theirs.
 */
export const SCORE_BRACKETS_HISTORY: ReadonlyArray<{ fromYear: number; brackets: ReadonlyArray<{ label: string; minScore: number }> }> = [
  {
    fromYear: 2024,
    brackets: [
      { label: '95-100', minScore: 95 },
      { label: '85-94', minScore: 85 },
      { label: '75-84', minScore: 75 },
      { label: '60-74', minScore: 60 },
      { label: '<60', minScore: 0 },
    ],
  },
];

/** The score brackets of a year: the latest set in force by then (the first set for earlier years). */
export function scoreBracketsFor(year: number) {
  const inForce = SCORE_BRACKETS_HISTORY.filter((set) => set.fromYear <= year);
  return (inForce[inForce.length - 1] ?? SCORE_BRACKETS_HISTORY[0]).brackets;
}
