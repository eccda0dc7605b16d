import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { perArgument } from '@partybuild/federation';
import { memberPathLoader, nodeLoader } from '@partybuild/org-tree';
import { PAIR_COLUMNS, PairRow } from '../application/pair-rows';
import type { Period } from '@partybuild/calendar';
import { SERVICE_COLUMNS, serviceView } from '../application/pairing-queries';
import { SummaryRow, summaries } from '../application/summary-queries';
import type { VillageProfile } from './pair.type';
import { villagesCompliance } from '../application/compliance-facts';
import type { VillageCompliance } from '../domain/weak-organization';

/** Per-request batching: one query per kind of lookup, whatever the number of parents. */
export function createLoaders(dataSource: DataSource, today: () => string) {
  const manager = dataSource.manager;

  const nodes = nodeLoader(manager);

  /** Every pair an organisation is a side of, newest first. */
  const pairsOf = new DataLoader<string, PairRow[]>(async (ids) => {
    const rows: Array<PairRow & { side: string }> = await manager.query(
      `SELECT ${PAIR_COLUMNS}, s.side FROM unnest($1::uuid[]) AS s(side)
       JOIN org_pair p ON p.helper_id = s.side OR p.helped_id = s.side
       ORDER BY p.proposed_on DESC, p.id`,
      [ids],
    );
    return ids.map((id) => rows.filter((r) => r.side === id));
  });

  const profiles = new DataLoader<string, VillageProfile | null>(async (ids) => {
    const rows: VillageProfile[] = await manager.query(
      `SELECT organization_id AS "organizationId", village_type AS "villageType", facts, population, households
       FROM village_profile WHERE organization_id = ANY($1::uuid[])`,
      [ids],
    );
    const found = new Map(rows.map((r) => [r.organizationId, r]));
    return ids.map((id) => found.get(id) ?? null);
  });

  const memberPaths = memberPathLoader(manager);

  /** A page of each pair's services, for many pairs in one query. */
  const pairServices = perArgument(
    (w: { limit: number; offset: number }) =>
      new DataLoader<string, { items: ReturnType<typeof serviceView>[]; total: number }>(async (ids) => {
        const rows: Array<Record<string, unknown> & { memberIds: string[]; pairId: string; total: number }> = await manager.query(
          `SELECT s.* FROM unnest($1::uuid[]) AS k(pair) CROSS JOIN LATERAL (
             SELECT ${SERVICE_COLUMNS}, count(*) OVER ()::int AS total FROM service_record WHERE pair_id = k.pair
             ORDER BY delivered_on DESC, id LIMIT $2 OFFSET $3) s`,
          [ids, w.limit, w.offset],
        );
        return ids.map((id) => {
          const mine = rows.filter((r) => r.pairId === id);
          return { items: mine.map(serviceView), total: mine[0]?.total ?? 0 };
        });
      }),
  );

  const summariesOf = perArgument(
    (period: Period) =>
      new DataLoader<string, SummaryRow>(async (ids) => {
        const rows = await summaries(manager, ids, period, today());
        return ids.map((id) => rows.find((r) => r.root === id) as SummaryRow);
      }),
  );

  const instructorsOf = new DataLoader<string, any[]>(async (ids) => {
    const rows: any[] = await manager.query(
      `SELECT i.id, i.member_id, i.organization_id, i.starts_on::text AS starts_on, i.ends_on::text AS ends_on,
         (SELECT count(*) FROM instructor_visit v WHERE v.instructor_id = i.id)::int AS visits
       FROM instructor i WHERE i.organization_id = ANY($1::uuid[]) ORDER BY i.starts_on DESC`,
      [ids],
    );
    return ids.map((id) => rows.filter((r) => r.organization_id === id));
  });

  const committeesOf = new DataLoader<string, any[]>(async (ids) => {
    const rows: Array<{ organization_ids: string[] }> = await manager.query(
      `SELECT * FROM joint_committee WHERE organization_ids && $1::uuid[] ORDER BY name`,
      [ids],
    );
    return ids.map((id) => rows.filter((r) => r.organization_ids.includes(id)));
  });

  /** The latest star rating of each organisation, if the assessment has published one. */
  const latestRatings = new DataLoader<string, { year: number; stars: number; finalScore: number } | null>(async (ids) => {
    const rows: Array<{ id: string; year: number; stars: number; finalScore: number }> = await manager.query(
      `SELECT DISTINCT ON (organization_id) organization_id AS id, year, stars, final_score::float8 AS "finalScore"
       FROM star_rating WHERE organization_id = ANY($1::uuid[]) ORDER BY organization_id, year DESC`,
      [ids],
    );
    const found = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => found.get(id) ?? null);
  });

  /** 三会一课 of each village over the window of the rules, from the compliance projection. */
  const villageCompliance = new DataLoader<string, VillageCompliance>(async (ids) => {
    const found = await villagesCompliance(manager, ids, today());
    return ids.map((id) => found.get(id) as VillageCompliance);
  });

  return {
    villageCompliance,
    latestRatings,
    nodes,
    pairsOf,
    profiles,
    memberPaths,
    pairServices,
    summaries: summariesOf,
    instructorsOf,
    committeesOf,
  };
}

export type PairingLoaders = ReturnType<typeof createLoaders>;
