import DataLoader from 'dataloader';
import { perArgument } from '@partybuild/federation';
import { memberPathLoader, nodeLoader } from '@partybuild/org-tree';
import { RoundRecord, RoundView, ROUND_COLUMNS, evaluate } from '../application/rounds';
import { rankedRounds } from '../application/results';
import type { AssessmentServices } from '../application/services';
import type { Period } from '@partybuild/calendar';
import { APPRAISAL_COLUMNS, AppraisalRecord, FOLLOW_UP_COLUMNS, FollowUpRecord } from '../application/appraisals';
import { MODEL_POST_COLUMNS, ModelPostQuota, ModelPostRecord } from '../application/model-posts';
import { modelPostAllowance } from '../domain/quotas';
import type { ScoreEntryView as ScoreEntryRow } from './round.type';
import { RECTIFICATION_COLUMNS, REPORT_COLUMNS, RectificationRecord, SecretaryReportRecord } from '../application/notices';
import { PioneerPointRow, PioneerStanding, pioneerBreakdown, pioneerFactsWithoutData, pioneerStandings } from '../application/pioneer';
import type { PioneerFact } from '../domain/pioneer';

/** A loader per argument (a year, a period) whose batch is told that argument. */
const batchedPer = <A, K, V>(batch: (arg: A, keys: readonly K[]) => Promise<V[]>) =>
  perArgument((arg: A) => new DataLoader<K, V>((keys) => batch(arg, keys)));

/** Per-request batching: one evaluation of all the rounds a response shows, one rank query per year. */
export function createLoaders(services: AssessmentServices) {
  const manager = services.dataSource.manager;

  const nodes = nodeLoader(manager);

  const views = new DataLoader<string, RoundView>(async (ids) => {
    const rows: RoundRecord[] = await manager.query(`SELECT ${ROUND_COLUMNS} FROM round r WHERE r.id = ANY($1::uuid[])`, [ids]);
    const evaluated = await evaluate(manager, services, rows);
    const byId = new Map(evaluated.map((v) => [v.round.id, v]));
    return ids.map((id) => byId.get(id) as RoundView);
  });

  /** The round of each organisation in a year. */
  const roundOf = batchedPer<number, string, RoundRecord | null>(async (year, orgIds) => {
    const rows: RoundRecord[] = await manager.query(
      `SELECT ${ROUND_COLUMNS} FROM round r WHERE r.organization_id = ANY($1::uuid[]) AND r.year = $2`,
      [orgIds, year],
    );
    return orgIds.map((id) => rows.find((r) => r.organizationId === id) ?? null);
  });

  const ranks = new DataLoader<string, { rank: number; rankWithinParent: number } | null>(async (ids) => {
    const years: Array<{ year: number }> = await manager.query(`SELECT DISTINCT year FROM round WHERE id = ANY($1::uuid[])`, [ids]);
    const found = new Map<string, { rank: number; rankWithinParent: number }>();
    for (const { year } of years) {
      for (const r of await rankedRounds(manager, year, `r.id = ANY($2::uuid[])`, [ids])) found.set(r.id, r);
    }
    return ids.map((id) => found.get(id) ?? null);
  });

  const memberPaths = memberPathLoader(manager);

  const appraisals = batchedPer<number, string, AppraisalRecord | null>(async (year, ids) => {
    const rows: AppraisalRecord[] = await manager.query(
      `SELECT ${APPRAISAL_COLUMNS} FROM appraisal WHERE member_id = ANY($1::uuid[]) AND year = $2`,
      [ids, year],
    );
    return ids.map((id) => rows.find((r) => r.memberId === id) ?? null);
  });

  const followUps = batchedPer<number, string, FollowUpRecord | null>(async (year, ids) => {
    const rows: FollowUpRecord[] = await manager.query(
      `SELECT ${FOLLOW_UP_COLUMNS} FROM follow_up WHERE member_id = ANY($1::uuid[]) AND year = $2`,
      [ids, year],
    );
    return ids.map((id) => rows.find((r) => r.memberId === id) ?? null);
  });

  const pioneer = batchedPer<Period, string, PioneerStanding | null>(async (period, ids) => {
    const found = await pioneerStandings(manager, ids, period);
    return ids.map((id) => found.get(id) ?? null);
  });

  const pioneerPoints = batchedPer<Period, string, PioneerPointRow[]>(async (period, ids) => {
    const rows = await pioneerBreakdown(manager, ids, period);
    return ids.map((id) => rows.filter((r) => r.memberId === id));
  });

  /** Pioneer facts still "no data" (their source has published nothing yet): one query per request. */
  let notPublished: Promise<PioneerFact[]> | undefined;
  const pioneerNoData = () => (notPublished ??= pioneerFactsWithoutData(manager));

  const modelPosts = batchedPer<number, string, ModelPostRecord[]>(async (year, ids) => {
    const rows: ModelPostRecord[] = await manager.query(
      `SELECT ${MODEL_POST_COLUMNS} FROM model_post WHERE branch_path && $1::uuid[] AND year = $2 ORDER BY nominated_at, id`,
      [ids, year],
    );
    return ids.map((id) => rows.filter((r) => r.branchPath.includes(id)));
  });

  const noticeItems = new DataLoader<string, RectificationRecord[]>(async (ids) => {
    const rows: RectificationRecord[] = await manager.query(
      `SELECT ${RECTIFICATION_COLUMNS} FROM rectification WHERE notice_id = ANY($1::uuid[]) ORDER BY deadline, id`,
      [ids],
    );
    return ids.map((id) => rows.filter((r) => r.noticeId === id));
  });

  /** Who scored what and when, per round. */
  const entries = new DataLoader<string, ScoreEntryRow[]>(async (ids) => {
    const rows: Array<ScoreEntryRow & { roundId: string }> = await manager.query(
      `SELECT round_id AS "roundId", indicator_code AS "indicatorCode", phase, kind, points::float AS points, evidence, reason,
              occurred_on::text AS "occurredOn", scored_by AS "scoredBy", scored_at AS "scoredAt"
       FROM score_entry WHERE round_id = ANY($1::uuid[]) ORDER BY id`,
      [ids],
    );
    return ids.map((id) => rows.filter((r) => r.roundId === id));
  });

  /** 示范岗名额 of many branches: in-service members and places taken, counted together. */
  const modelPostQuotas = batchedPer<number, string, ModelPostQuota>(async (year, ids) => {
    const rows: Array<{ id: string; inService: number; used: number }> = await manager.query(
      `SELECT b.id,
              (SELECT count(*) FROM member m WHERE m.organization_id = b.id AND m.category = 'IN_SERVICE' AND m.is_current)::int AS "inService",
              (SELECT count(*) FROM model_post p WHERE p.branch_id = b.id AND p.year = $2 AND p.status <> 'REJECTED')::int AS used
       FROM unnest($1::uuid[]) AS b(id)`,
      [ids, year],
    );
    const rules = services.rules(year);
    return ids.map((id) => {
      const row = rows.find((r) => r.id === id) as { inService: number; used: number };
      return { inService: row.inService, used: row.used, allowed: modelPostAllowance(row.inService, rules) };
    });
  });

  const secretaryReports = batchedPer<number, string, SecretaryReportRecord | null>(async (year, ids) => {
    const rows: SecretaryReportRecord[] = await manager.query(
      `SELECT ${REPORT_COLUMNS} FROM secretary_report WHERE organization_id = ANY($1::uuid[]) AND year = $2`,
      [ids, year],
    );
    return ids.map((id) => rows.find((r) => r.organizationId === id) ?? null);
  });

  return {
    secretaryReports,
    nodes,
    views,
    roundOf,
    ranks,
    memberPaths,
    appraisals,
    followUps,
    pioneer,
    pioneerPoints,
    pioneerNoData,
    modelPosts,
    noticeItems,
    entries,
    modelPostQuotas,
  };
}

export type AssessmentLoaders = ReturnType<typeof createLoaders>;
