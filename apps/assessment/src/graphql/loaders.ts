import DataLoader from 'dataloader';
import { OrgNode, OrgTree } from '@partybuild/org-tree';
import { RoundRecord, RoundView, ROUND_COLUMNS, evaluate } from '../application/rounds';
import { rankedRounds } from '../application/results';
import type { AssessmentServices } from '../application/services';

/** Per-request batching: one evaluation of all the rounds a response shows, one rank query per year. */
export function createLoaders(services: AssessmentServices) {
  const manager = services.dataSource.manager;

  const nodes = new DataLoader<string, OrgNode | null>(async (ids) => {
    const found = await new OrgTree(manager).nodes(ids);
    return ids.map((id) => found.get(id) ?? null);
  });

  const views = new DataLoader<string, RoundView>(async (ids) => {
    const rows: RoundRecord[] = await manager.query(`SELECT ${ROUND_COLUMNS} FROM round r WHERE r.id = ANY($1::uuid[])`, [ids]);
    const evaluated = await evaluate(manager, services, rows);
    const byId = new Map(evaluated.map((v) => [v.round.id, v]));
    return ids.map((id) => byId.get(id) as RoundView);
  });

  /** The round of each organisation in a year. */
  const roundsByYear = new Map<number, DataLoader<string, RoundRecord | null>>();
  const roundOf = (year: number) => {
    let loader = roundsByYear.get(year);
    if (!loader) {
      loader = new DataLoader<string, RoundRecord | null>(async (orgIds) => {
        const rows: RoundRecord[] = await manager.query(
          `SELECT ${ROUND_COLUMNS} FROM round r WHERE r.organization_id = ANY($1::uuid[]) AND r.year = $2`,
          [orgIds, year],
        );
        return orgIds.map((id) => rows.find((r) => r.organizationId === id) ?? null);
      });
      roundsByYear.set(year, loader);
    }
    return loader;
  };

  const ranks = new DataLoader<string, { rank: number; rankWithinParent: number } | null>(async (ids) => {
    const years: Array<{ year: number }> = await manager.query(`SELECT DISTINCT year FROM round WHERE id = ANY($1::uuid[])`, [ids]);
    const found = new Map<string, { rank: number; rankWithinParent: number }>();
    for (const { year } of years) {
      for (const r of await rankedRounds(manager, year, `r.id = ANY($2::uuid[])`, [ids])) found.set(r.id, r);
    }
    return ids.map((id) => found.get(id) ?? null);
  });

  return { nodes, views, roundOf, ranks };
}

export type AssessmentLoaders = ReturnType<typeof createLoaders>;
