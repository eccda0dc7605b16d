import type { DataSource } from 'typeorm';
import type { Caller } from '@partybuild/auth';
import { BRANCH_LEVEL_KINDS } from '@partybuild/contracts';
import { Helper, MatchingRules, Needy, SuggestionResult, suggestPairs } from '../domain/suggestions';
import { RatedBranch, suggestBranchPairs } from '../domain/branch-suggestions';
import { AGENCY_SECTORS, VILLAGE_SECTORS, VillageType } from '../domain/kinds';
import { pairingRulesOn } from '../reference/pairing-rules';
import { assertCanManage, visibleNode } from './access';

/**
 * 结对建议 for the whole district: agencies (with a department category or a capacity set) and
 * their places left, villages and communities whose profile says they need a partner and who
 * have no open pair; then the optimal assignment. `under` limits the villages to a subtree;
 * the agencies are always the whole district's.
 */
export class SuggestionQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly today: () => string,
    private readonly matching: MatchingRules | null,
  ) {}

  async suggest(caller: Caller, under: string | null): Promise<SuggestionResult & { needing: number; rules: MatchingRules }> {
    assertCanManage(caller);
    const manager = this.dataSource.manager;
    if (under) await visibleNode(manager, caller, under);
    const rules = pairingRulesOn(this.today());
    const matching = this.matching ?? rules.matching;
    const helpers: Helper[] = await manager.query(
      `SELECT n.id, n.name, c.department_category AS category,
              coalesce(a.capacity, $2) - (SELECT count(*) FROM org_pair p
                WHERE p.helper_id = n.id AND p.kind = 'AGENCY_VILLAGE' AND p.status <> 'ENDED')::int AS remaining
       FROM org_node n LEFT JOIN org_category c ON c.organization_id = n.id LEFT JOIN agency_capacity a ON a.organization_id = n.id
       WHERE n.status = 'ACTIVE' AND n.sector = ANY($1::text[]) AND (c.department_category IS NOT NULL OR a.capacity IS NOT NULL)
       ORDER BY n.code, n.id`,
      [AGENCY_SECTORS, rules.defaultCapacity],
    );
    const needy: Needy[] = await manager.query(
      `SELECT n.id, n.name, v.village_type AS "villageType"
       FROM village_profile v JOIN org_node n ON n.id = v.organization_id
       WHERE n.status = 'ACTIVE' AND n.sector = ANY($1::text[]) AND v.village_type <> $2
         AND ($3::uuid IS NULL OR n.path @> ARRAY[$3::uuid])
         AND NOT EXISTS (SELECT 1 FROM org_pair p WHERE p.helped_id = n.id AND p.kind = 'AGENCY_VILLAGE' AND p.status <> 'ENDED')
       ORDER BY n.code, n.id`,
      [VILLAGE_SECTORS, VillageType.ORDINARY, under],
    );
    return { ...suggestPairs(helpers, needy, matching), needing: needy.length, rules: matching };
  }
}

/** 强弱支部结对建议 from the year's star ratings: active branches without an open strong–weak pair. */
export async function branchSuggestions(dataSource: DataSource, caller: Caller, year: number, today: string) {
  assertCanManage(caller);
  const rated: RatedBranch[] = await dataSource.query(
    `SELECT n.id, n.name, s.stars, s.final_score::float8 AS "finalScore"
     FROM star_rating s JOIN org_node n ON n.id = s.organization_id
     WHERE s.year = $1 AND n.status = 'ACTIVE' AND n.kind = ANY($2::text[])
       AND NOT EXISTS (SELECT 1 FROM org_pair p WHERE p.kind = 'STRONG_WEAK_BRANCH' AND p.status <> 'ENDED' AND (p.helped_id = n.id OR p.helper_id = n.id))
     ORDER BY s.final_score, n.code`,
    [year, BRANCH_LEVEL_KINDS],
  );
  return suggestBranchPairs(rated, pairingRulesOn(today).branchPairing);
}
