import type { EntityManager } from 'typeorm';
import { Caller, reach } from '@partybuild/auth';
import { Phase } from '../domain/scheme';
import { topTen } from '../domain/scoring';
import { checkYear, visibleNode } from './access';
import { ROUND_SUMMARY_COLUMNS, RoundRecord } from './rounds';
import type { AssessmentServices } from './services';

export interface RankedRound extends RoundRecord {
  /** Among closed rounds of the same year and organisation kind in the district. */
  rank: number;
  /** Among closed rounds of the same year and kind under the same parent organisation. */
  rankWithinParent: number;
}

/**
 * Rankings are of closed rounds (a result is published when its round closes): competition
 * ranks by final score within the year and organisation kind, district-wide and under the same parent.
 */
export async function rankedRounds(
  manager: EntityManager,
  year: number,
  where = 'true',
  params: unknown[] = [],
  page: { offset: number; limit: number } | null = null,
): Promise<Array<RankedRound & { total: number }>> {
  const window = page ? `OFFSET ${Math.max(0, Math.floor(page.offset))} LIMIT ${Math.max(0, Math.floor(page.limit))}` : '';
  return manager.query(
    `SELECT *, count(*) OVER ()::int AS total FROM (
       SELECT ${ROUND_SUMMARY_COLUMNS},
              rank() OVER (PARTITION BY r.organization_kind ORDER BY r.final_score DESC)::int AS rank,
              rank() OVER (PARTITION BY r.organization_kind, r.organization_path[cardinality(r.organization_path) - 1]
                           ORDER BY r.final_score DESC)::int AS "rankWithinParent"
       FROM round r WHERE r.year = $1 AND r.phase = '${Phase.CLOSED}') r
     WHERE ${where} ORDER BY r.rank, r.id ${window}`,
    [year, ...params],
  );
}

export class ResultQueries {
  constructor(private readonly services: AssessmentServices) {}

  /** Who may list results (the access table's `assessment.scores`): the whole district, or below the caller's scope roots. */
  private async scopeFilter(caller: Caller, under: string | null): Promise<{ where: string; params: unknown[] }> {
    const manager = this.services.dataSource.manager;
    if (under) {
      const node = await visibleNode(manager, caller, under);
      return { where: `r."organizationPath" @> ARRAY[$3::uuid]`, params: [node.id] };
    }
    const { anywhere, roots } = reach(caller, 'assessment.scores');
    if (anywhere) return { where: 'true', params: [] };
    return { where: `r."organizationPath" && $3::uuid[]`, params: [roots] };
  }

  /** 考核排名 of one organisation kind in a year, optionally under one organisation; one page of it when asked. */
  async ranking(
    caller: Caller,
    year: number,
    kind: string,
    under: string | null,
    page: { offset: number; limit: number } | null = null,
  ): Promise<{ items: RankedRound[]; total: number }> {
    checkYear(year);
    const filter = await this.scopeFilter(caller, under);
    const manager = this.services.dataSource.manager;
    const where = `r."organizationKind" = $2 AND ${filter.where}`;
    const items = await rankedRounds(manager, year, where, [kind, ...filter.params], page);
    if (items.length || !page?.offset) return { items, total: items[0]?.total ?? 0 };
    // A page past the end: the count alone.
    const [{ total }] = await manager.query(
      `SELECT count(*)::int AS total FROM (SELECT ${ROUND_SUMMARY_COLUMNS} FROM round r WHERE r.year = $1 AND r.phase = '${Phase.CLOSED}') r WHERE ${where}`,
      [year, kind, ...filter.params],
    );
    return { items, total };
  }

  /** 十佳基层党组织: the best closed rounds of the kind above the minimum score, none vetoed. */
  async topTen(caller: Caller, year: number, kind: string): Promise<RankedRound[]> {
    const { items: all } = await this.ranking(caller, year, kind, null);
    const listed = new Set(
      topTen(
        all.map((r) => ({ id: r.id, finalScore: r.finalScore as number, vetoed: Boolean(r.vetoed) })),
        this.services.rules(year),
      ).map((r) => r.id),
    );
    return all.filter((r) => listed.has(r.id));
  }
}
