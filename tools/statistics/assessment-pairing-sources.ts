import { DataSource } from 'typeorm';
import type { Period } from '@partybuild/calendar';
import { rulesForYear, topTen } from '@partybuild/app-assessment';
import { pairingSummaries } from '@partybuild/app-pairing';
import { Figures, scoreBracketsFor } from '@partybuild/app-statistics';

/** Where the assessment and pairing services keep their records; a source not given is not compared. */
export interface AssessmentPairingSources {
  organization: string;
  assessment?: string;
  pairing?: string;
  /** The district's ASSESSMENT_TOP_TEN_MIN_SCORE, when it overrides the rule of the year. */
  topTenMinScore?: number;
}

export interface FigureDifference {
  organizationId: string;
  figure: string;
  source: number;
  statistics: number;
}

async function open(url: string): Promise<DataSource> {
  return new DataSource({ type: 'postgres', url, entities: [], extra: { max: 4 } }).initialize();
}

async function withDatabase<T>(url: string, use: (db: DataSource) => Promise<T>): Promise<T> {
  const db = await open(url);
  try {
    return await use(db);
  } finally {
    await db.destroy();
  }
}

/** A figure per organisation, summed over every ancestor of the organisation where a fact lies (the roll-up). */
class RolledUp {
  readonly values = new Map<string, Map<string, number>>();
  constructor(private readonly paths: Map<string, string[]>) {}

  add(organizationId: string, figure: string, by = 1): void {
    for (const ancestor of this.paths.get(organizationId) ?? []) {
      const own = this.values.get(ancestor) ?? new Map<string, number>();
      own.set(figure, (own.get(figure) ?? 0) + by);
      this.values.set(ancestor, own);
    }
  }

  get(organizationId: string, figure: string): number {
    return this.values.get(organizationId)?.get(figure) ?? 0;
  }
}

/**
 * The assessment figures from the assessment service's own records: its closed rounds (score,
 * stars, the pioneer index frozen at the close), its 十佳 by its own rule, its appraisals and
 * confirmed model posts, rolled up over the organisation service's tree.
 */
async function assessmentSource(url: string, paths: Map<string, string[]>, year: number, topTenMinScore?: number): Promise<RolledUp> {
  const rolled = new RolledUp(paths);
  await withDatabase(url, async (db) => {
    const rounds: Array<{
      id: string;
      organizationId: string;
      kind: string;
      finalScore: number;
      stars: number;
      vetoed: boolean;
      pioneer: { members: number; points: number } | null;
    }> = await db.query(
      `SELECT id, organization_id AS "organizationId", organization_kind AS kind, final_score::float AS "finalScore", stars, vetoed,
           snapshot->'pioneerIndex' AS pioneer
         FROM round WHERE phase = 'CLOSED' AND year = $1`,
      [year],
    );
    const brackets = scoreBracketsFor(year);
    const rules = rulesForYear(year, { topTenMinScore });
    const listed = new Set<string>();
    for (const kind of new Set(rounds.map((r) => r.kind))) {
      for (const r of topTen(
        rounds.filter((x) => x.kind === kind),
        rules,
      ))
        listed.add(r.id);
    }
    for (const r of rounds) {
      rolled.add(r.organizationId, 'assessment.rated');
      rolled.add(r.organizationId, `assessment.byStars.${r.stars}`);
      rolled.add(r.organizationId, `assessment.byScore.${brackets.find((b) => r.finalScore >= b.minScore)!.label}`);
      if (listed.has(r.id)) rolled.add(r.organizationId, 'assessment.topTen');
      if (r.pioneer) {
        rolled.add(r.organizationId, 'assessment.pioneerMembers', r.pioneer.members);
        rolled.add(r.organizationId, 'assessment.pioneerPoints', r.pioneer.points);
      }
    }
    const grades: Array<{ branch_id: string; grade: string; n: number }> = await db.query(
      `SELECT branch_id, grade, count(*)::int AS n FROM appraisal WHERE year = $1 GROUP BY 1, 2`,
      [year],
    );
    for (const g of grades) rolled.add(g.branch_id, `assessment.byAppraisal.${g.grade}`, g.n);
    const posts: Array<{ branch_id: string; n: number }> = await db.query(
      `SELECT branch_id, count(*)::int AS n FROM model_post WHERE year = $1 AND status = 'CONFIRMED' GROUP BY 1`,
      [year],
    );
    for (const p of posts) rolled.add(p.branch_id, 'assessment.modelPostsConfirmed', p.n);
  });
  return rolled;
}

const cell = (list: Array<{ key: string; count: number }>, key: string) => list.find((c) => c.key === key)?.count ?? 0;

function compareAssessment(id: string, source: RolledUp, f: Figures): FigureDifference[] {
  const a = f.assessment;
  const members = source.get(id, 'assessment.pioneerMembers');
  const average = members > 0 ? Math.round((source.get(id, 'assessment.pioneerPoints') / members) * 100) / 100 : NaN;
  const pairs: Array<[string, number, number]> = [
    ['assessment.rated', source.get(id, 'assessment.rated'), a.rated],
    ['assessment.topTen', source.get(id, 'assessment.topTen'), a.topTen],
    ['assessment.modelPostsConfirmed', source.get(id, 'assessment.modelPostsConfirmed'), a.modelPostsConfirmed],
    ['assessment.pioneerMembers', members, a.pioneerMembers],
    ['assessment.averagePioneerIndex', average, a.averagePioneerIndex ?? NaN],
    ...a.byStars.map((c): [string, number, number] => [
      `assessment.byStars.${c.key}`,
      source.get(id, `assessment.byStars.${c.key}`),
      c.count,
    ]),
    ...a.byScore.map((c): [string, number, number] => [
      `assessment.byScore.${c.key}`,
      source.get(id, `assessment.byScore.${c.key}`),
      c.count,
    ]),
    ...a.byAppraisal.map((c): [string, number, number] => [
      `assessment.byAppraisal.${c.key}`,
      source.get(id, `assessment.byAppraisal.${c.key}`),
      c.count,
    ]),
  ];
  return differing(id, pairs);
}

/** Equal, or both not a number (an average of nothing). */
const differing = (id: string, pairs: Array<[string, number, number]>): FigureDifference[] =>
  pairs
    .filter(([, source, statistics]) => !(source === statistics || (Number.isNaN(source) && Number.isNaN(statistics))))
    .map(([figure, source, statistics]) => ({ organizationId: id, figure, source, statistics }));

/**
 * The pairing figures as the pairing service's own summary answers them (`pairingSummary`, its
 * code on its database), and households visited counted from its visit records per batch (the
 * unit its events publish: a household visited in two batches counts in each).
 */
async function comparePairing(
  url: string,
  paths: Map<string, string[]>,
  ids: string[],
  period: Period,
  today: string,
  actual: Map<string, Figures>,
) {
  return withDatabase(url, async (db) => {
    const summaries = new Map((await pairingSummaries(db.manager, ids, period, today)).map((s) => [s.root, s]));
    const households = new RolledUp(paths);
    const batches: Array<{ organization_id: string; households: number }> = await db.query(
      `SELECT organization_id, households FROM (
         SELECT batch_id, organization_id, min(visited_on) AS first_day, count(DISTINCT household)::int AS households
         FROM household_visit GROUP BY 1, 2) b WHERE first_day BETWEEN $1 AND $2`,
      [period.start, period.end],
    );
    for (const b of batches) households.add(b.organization_id, 'households', b.households);
    return ids.flatMap((id) => {
      const s = summaries.get(id);
      const p = actual.get(id)!.pairing;
      if (!s) return [];
      const types = new Set([...Object.keys(s.byType ?? {}), ...p.servicesByType.map((c) => c.key)]);
      return differing(id, [
        ['pairing.activePairs', s.activePairs, p.activePairs],
        ['pairing.services', s.services, p.services],
        ...[...types].map((t): [string, number, number] => [
          `pairing.servicesByType.${t}`,
          Number(s.byType?.[t] ?? 0),
          cell(p.servicesByType, t),
        ]),
        ['pairing.beneficiaries', s.beneficiaries, p.beneficiaries],
        ['pairing.fundsYuan', Math.round(s.funds * 100) / 100, p.fundsYuan],
        ['pairing.wishesPosted', s.wishesPosted, p.wishesPosted],
        ['pairing.wishesClaimed', s.wishesClaimed, p.wishesClaimed],
        ['pairing.wishesFulfilled', s.wishesFulfilled, p.wishesFulfilled],
        ['pairing.householdsVisited', households.get(id, 'households'), p.householdsVisited],
        ['pairing.problemsCollected', s.problemsCollected, p.problemsCollected],
        ['pairing.problemsResolved', s.problemsResolved, p.problemsResolved],
        ['pairing.problemsOverdue', s.problemsOverdue, p.problemsOverdue],
        ['pairing.averageDaysToResolve', s.averageDaysToResolve ?? NaN, p.averageDaysToResolve ?? NaN],
      ]);
    });
  });
}

/**
 * Compares the statistics' assessment and pairing figures of every organisation with the
 * assessment and pairing services' own records and answers. Returns every difference.
 */
export async function assessmentPairingDifferences(
  sources: AssessmentPairingSources,
  ids: string[],
  period: Period,
  today: string,
  actual: Map<string, Figures>,
): Promise<FigureDifference[]> {
  if (!sources.assessment && !sources.pairing) return [];
  const orgs: Array<{ id: string; path: string[] }> = await withDatabase(sources.organization, (db) =>
    db.query(`SELECT id, ancestor_ids || id AS path FROM organization`),
  );
  const paths = new Map(orgs.map((o) => [o.id, o.path]));
  const differences: FigureDifference[] = [];
  if (sources.assessment) {
    const source = await assessmentSource(sources.assessment, paths, Number(period.start.slice(0, 4)), sources.topTenMinScore);
    differences.push(...ids.flatMap((id) => compareAssessment(id, source, actual.get(id)!)));
  }
  if (sources.pairing) differences.push(...(await comparePairing(sources.pairing, paths, ids, period, today, actual)));
  return differences;
}
