import type { EntityManager } from 'typeorm';
import type { Period } from '@partybuild/calendar';
import { scoreBracketsFor } from '../reference/statistics-rules';
import type { AssessmentFigures, LabelCount } from './figures';
import { IN_TARGETS, upTheTree } from './targets';

export const STAR_KEYS = ['1', '2', '3', '4', '5'];
export const APPRAISAL_GRADES = ['EXCELLENT', 'QUALIFIED', 'BASICALLY_QUALIFIED', 'UNQUALIFIED'];

/** Every label in its fixed order, zero where nothing was counted: a chart of stars always has its five bars. */
const fixed = (keys: readonly string[], counts: Map<string, number>): LabelCount[] =>
  keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));

/**
 * 考核 of the year the period falls in, for every organisation of the targets' subtrees: final
 * scores by bracket (statistics' rules, by year), stars, how many are among the 十佳 (the
 * district-wide ranking of their kind, by the rule each rating was published with), member
 * appraisal grades, the average pioneer index of the rated organisations' own members at the
 * close, and confirmed model posts.
 */
export async function assessmentFigures(
  manager: EntityManager,
  targets: string[],
  period: Period,
): Promise<Map<string, AssessmentFigures>> {
  const year = Number(period.start.slice(0, 4));
  const brackets = scoreBracketsFor(year);
  const rows: Array<{ target: string; dim: string; key: string | null; n: string; points: string | null }> = await manager.query(
    `WITH ${IN_TARGETS},
     r AS MATERIALIZED (SELECT t.target, x.* FROM stat_rating x ${upTheTree('x.organization_id')} WHERE x.year = $2),
     top AS (SELECT organization_id FROM (
               SELECT organization_id, top_ten_count, rank() OVER (PARTITION BY organization_kind ORDER BY final_score DESC) AS rank
               FROM stat_rating WHERE year = $2 AND vetoed = false AND final_score >= top_ten_min_score) e
             WHERE rank <= top_ten_count)
     SELECT target, 'stars' AS dim, stars::text AS key, count(*) AS n, NULL::numeric AS points FROM r GROUP BY target, stars
     UNION ALL SELECT target, 'score', (SELECT b.label FROM unnest($3::text[], $4::numeric[]) AS b(label, min)
                                        WHERE r.final_score >= b.min ORDER BY b.min DESC LIMIT 1), count(*), NULL FROM r GROUP BY 1, 3
     UNION ALL SELECT target, 'rated', NULL, count(*), NULL FROM r GROUP BY target
     UNION ALL SELECT target, 'topTen', NULL, count(*), NULL FROM r WHERE organization_id IN (SELECT organization_id FROM top) GROUP BY target
     UNION ALL SELECT target, 'pioneer', NULL, sum(pioneer_members), sum(pioneer_points) FROM r WHERE pioneer_members IS NOT NULL GROUP BY target
     UNION ALL SELECT t.target, 'appraisal', g.grade, sum(g.n), NULL
       FROM stat_appraisal a ${upTheTree('a.branch_id')}
       CROSS JOIN LATERAL (VALUES ('EXCELLENT', a.excellent), ('QUALIFIED', a.qualified),
                                  ('BASICALLY_QUALIFIED', a.basically_qualified), ('UNQUALIFIED', a.unqualified)) AS g(grade, n)
       WHERE a.year = $2 GROUP BY 1, 3
     UNION ALL SELECT t.target, 'modelPosts', NULL, count(*), NULL
       FROM stat_model_post p ${upTheTree('p.branch_id')} WHERE p.year = $2 AND p.status = 'CONFIRMED' GROUP BY 1`,
    [targets, year, brackets.map((b) => b.label), brackets.map((b) => b.minScore)],
  );
  const by = new Map<string, typeof rows>();
  for (const row of rows) by.set(row.target, [...(by.get(row.target) ?? []), row]);
  return new Map(
    targets.map((target) => {
      const own = by.get(target) ?? [];
      const counts = (dim: string) => new Map(own.filter((r) => r.dim === dim).map((r) => [r.key ?? '', Number(r.n)]));
      const one = (dim: string) => own.find((r) => r.dim === dim);
      const pioneer = one('pioneer');
      const pioneerMembers = Number(pioneer?.n ?? 0);
      return [
        target,
        {
          year,
          rated: Number(one('rated')?.n ?? 0),
          byScore: fixed(
            brackets.map((b) => b.label),
            counts('score'),
          ),
          byStars: fixed(STAR_KEYS, counts('stars')),
          topTen: Number(one('topTen')?.n ?? 0),
          byAppraisal: fixed(APPRAISAL_GRADES, counts('appraisal')),
          pioneerMembers,
          averagePioneerIndex: pioneerMembers > 0 ? Math.round((Number(pioneer!.points) / pioneerMembers) * 100) / 100 : null,
          modelPostsConfirmed: Number(one('modelPosts')?.n ?? 0),
        },
      ];
    }),
  );
}
