import type { EntityManager } from 'typeorm';
import { addDays } from '@partybuild/calendar';
import { BRANCH_LEVEL_KINDS } from '@partybuild/contracts';
import { STATISTICS_RULES } from '../reference/statistics-rules';
import type { BranchFigures, LabelCount } from './figures';
import { IN_TARGETS, byTarget } from './targets';

/** Active organisations by kind, and the branches' structure and election terms. */
export async function treeFigures(
  manager: EntityManager,
  targets: string[],
  asOf: string,
): Promise<{ byKind: Map<string, LabelCount[]>; branches: Map<string, BranchFigures> }> {
  const kinds = await manager.query(
    `WITH ${IN_TARGETS}
     SELECT t.target, n.kind AS key, count(*) FROM targets t JOIN org_node n ON n.path @> ARRAY[t.target]
     WHERE n.status = 'ACTIVE' GROUP BY 1, 2`,
    [targets],
  );
  const { memberStages, departedStatuses, branch } = STATISTICS_RULES;
  const rows: Array<Record<string, string>> = await manager.query(
    `WITH ${IN_TARGETS},
     b AS (
       SELECT t.target, n.id, n.kind, n.term_ends_on,
         (SELECT count(*) FROM stat_member s WHERE s.organization_id = n.id AND s.stage = ANY($2) AND NOT s.status = ANY($3)) AS members,
         (SELECT count(*) FROM stat_member s WHERE s.organization_id = n.id AND s.stage = 'FULL' AND NOT s.status = ANY($3)) AS full_members
       FROM targets t JOIN org_node n ON n.path @> ARRAY[t.target] WHERE n.status = 'ACTIVE')
     SELECT target,
       count(*) FILTER (WHERE kind = ANY($4)) AS total,
       count(*) FILTER (WHERE kind = ANY($4) AND full_members < $5) AS under_three,
       count(*) FILTER (WHERE kind = ANY($4) AND members > $6) AS over_fifty,
       count(*) FILTER (WHERE term_ends_on BETWEEN $7::date AND $8::date) AS due,
       count(*) FILTER (WHERE term_ends_on < $7::date) AS overdue
     FROM b GROUP BY target`,
    [
      targets,
      memberStages,
      departedStatuses,
      BRANCH_LEVEL_KINDS,
      branch.minFullMembers,
      branch.maxMembers,
      asOf,
      addDays(asOf, STATISTICS_RULES.electionDueWithinDays),
    ],
  );
  const branches = new Map<string, BranchFigures>(
    targets.map((target) => {
      const r = rows.find((row) => row.target === target);
      return [
        target,
        {
          total: Number(r?.total ?? 0),
          underThreeFullMembers: Number(r?.under_three ?? 0),
          overFiftyMembers: Number(r?.over_fifty ?? 0),
          electionsDue: Number(r?.due ?? 0),
          electionsOverdue: Number(r?.overdue ?? 0),
        },
      ];
    }),
  );
  return { byKind: byTarget(kinds), branches };
}
