import type { EntityManager } from 'typeorm';
import type { Caller } from '@partybuild/auth';
import { RoundSnapshot, STARS_RATED_SCHEMA_VERSION } from '@partybuild/contracts';
import { runOnce } from '@partybuild/persistence';
import { FactValues, judgedOn } from '../domain/facts';
import { PHASE_ZH, Phase, SCORED_IN, ScoringMethod } from '../domain/scheme';
import { EntryKind, IndicatorScore, RoundScore, ScoreEntry, gradeOf, scoreRound, starsOf } from '../domain/scoring';
import { RoundGrade } from '../reference/assessment-rules';
import { AssessmentErrors } from '../errors';
import { checkYear, managedNode, notInFuture, text, visibleNode } from './access';
import { AssessmentEventType, emit } from './events';
import { pioneerOfOrganization } from './pioneer';
import { factsOf } from './fact-queries';
import { SchemeRecord, schemeById } from './schemes';
import type { AssessmentServices } from './services';

export interface RoundRecord {
  id: string;
  schemeId: string;
  organizationId: string;
  organizationPath: string[];
  organizationKind: string;
  year: number;
  phase: Phase;
  finalScore: number | null;
  grade: RoundGrade | null;
  stars: number | null;
  vetoed: boolean | null;
  vetoReasons: string[] | null;
  snapshot: RoundSnapshotStored | null;
  openedAt: Date;
  closedAt: Date | null;
}

/** What a closed round froze: the day judged, every fact used and every indicator's score. */
export interface RoundSnapshotStored {
  judgedOn: string;
  facts: FactValues;
  score: RoundScore;
  /** The organisation's own members' pioneer index for the year at the close (published with the stars); absent in rounds closed before. */
  pioneerIndex?: { members: number; points: number };
}

/** A round as shown: closed ones from their snapshot, open ones following the facts. */
export interface RoundView {
  round: RoundRecord;
  scheme: SchemeRecord;
  facts: FactValues;
  judgedOn: string;
  score: RoundScore;
}

const COLUMNS = (snapshot: string) => `r.id, r.scheme_id AS "schemeId", r.organization_id AS "organizationId",
  r.organization_path AS "organizationPath", r.organization_kind AS "organizationKind", r.year, r.phase, r.final_score::float AS "finalScore",
  r.grade, r.stars, r.vetoed, r.veto_reasons AS "vetoReasons", ${snapshot}, r.opened_at AS "openedAt", r.closed_at AS "closedAt"`;

export const ROUND_COLUMNS = COLUMNS('r.snapshot');

/**
 * Without the frozen snapshot (every fact and indicator score, the bulk of a closed round): for
 * rankings, which show the score, grade, stars and ranks kept on the row. Fields that need the
 * snapshot load the round again through the views loader.
 */
export const ROUND_SUMMARY_COLUMNS = COLUMNS('NULL::jsonb AS snapshot');

const NEXT_PHASE: Partial<Record<Phase, Phase>> = {
  [Phase.SELF_ASSESSMENT]: Phase.SPOT_CHECK,
  [Phase.SPOT_CHECK]: Phase.YEAR_END,
};

export const roundSnapshot = (r: RoundRecord): RoundSnapshot => ({
  id: r.id,
  schemeId: r.schemeId,
  organizationId: r.organizationId,
  organizationKind: r.organizationKind,
  year: r.year,
  phase: r.phase,
  finalScore: r.finalScore,
  grade: r.grade,
  stars: r.stars,
  vetoed: r.vetoed,
});

const roundEvent = (type: string, round: RoundRecord, data: object = {}) => ({
  type,
  aggregateId: round.id,
  organizationId: round.organizationId,
  organizationPath: round.organizationPath,
  data: { round: roundSnapshot(round), ...data },
});

export async function roundById(manager: EntityManager, id: string, lock = false): Promise<RoundRecord> {
  const [row] = await manager.query(`SELECT ${ROUND_COLUMNS} FROM round r WHERE r.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
  if (!row) throw AssessmentErrors.ROUND_NOT_FOUND({ id });
  return row;
}

async function entriesOf(manager: EntityManager, roundIds: string[]): Promise<Map<string, ScoreEntry[]>> {
  const rows: Array<ScoreEntry & { roundId: string }> = await manager.query(
    `SELECT round_id AS "roundId", indicator_code AS "indicatorCode", phase, kind, points::float AS points
     FROM score_entry WHERE round_id = ANY($1::uuid[]) ORDER BY id`,
    [roundIds],
  );
  const out = new Map<string, ScoreEntry[]>(roundIds.map((id) => [id, []]));
  for (const row of rows) out.get(row.roundId)?.push(row);
  return out;
}

/**
 * Views of many rounds at once: closed ones as frozen, open ones scored now from their entries
 * and the facts of today (set-based, one pass per year whatever the number of rounds).
 */
export async function evaluate(manager: EntityManager, services: AssessmentServices, rounds: RoundRecord[]): Promise<RoundView[]> {
  const schemes = new Map<string, SchemeRecord>();
  for (const id of new Set(rounds.map((r) => r.schemeId))) schemes.set(id, await schemeById(manager, id));
  const open = rounds.filter((r) => r.phase !== Phase.CLOSED);
  const entries = await entriesOf(
    manager,
    open.map((r) => r.id),
  );
  const factsByRound = new Map<string, { facts: FactValues; judgedOn: string }>();
  for (const year of new Set(open.map((r) => r.year))) {
    const ofYear = open.filter((r) => r.year === year);
    const asOf = judgedOn(year, services.today());
    const facts = await factsOf(manager, [...new Set(ofYear.map((r) => r.organizationId))], year, asOf, services.rules(year));
    for (const r of ofYear) factsByRound.set(r.id, { facts: facts.get(r.organizationId) as FactValues, judgedOn: asOf });
  }
  return rounds.map((round) => {
    const scheme = schemes.get(round.schemeId) as SchemeRecord;
    if (round.snapshot)
      return { round, scheme, facts: round.snapshot.facts, judgedOn: round.snapshot.judgedOn, score: round.snapshot.score };
    const { facts, judgedOn: on } = factsByRound.get(round.id) as { facts: FactValues; judgedOn: string };
    return { round, scheme, facts, judgedOn: on, score: scoreRound(scheme.indicators, scheme.vetoes, entries.get(round.id) ?? [], facts) };
  });
}

export interface ScoreInput {
  indicatorCode: string;
  points: number;
  evidence?: string | null;
  reason?: string | null;
  occurredOn?: string | null;
}

/** 考核: open, move through the phases, score by hand, close with a frozen snapshot. */
export class RoundCommands {
  constructor(private readonly services: AssessmentServices) {}

  open(
    caller: Caller,
    input: { organizationId: string; schemeId: string; year: number },
    idempotencyKey?: string | null,
  ): Promise<RoundRecord> {
    const year = checkYear(input.year);
    return this.services.unitOfWork.run(async (manager) => {
      const node = await managedNode(manager, caller, input.organizationId);
      const scheme = await schemeById(manager, input.schemeId, true);
      if (scheme.organizationKind !== node.kind) {
        throw AssessmentErrors.SCHEME_KIND_MISMATCH({ schemeKind: scheme.organizationKind, organizationKind: node.kind });
      }
      const key = idempotencyKey ? { caller: caller.subject, operation: 'openAssessmentRound', key: idempotencyKey } : null;
      const { id } = await runOnce(manager, key, { ...input, year }, async () => {
        const [existing] = await manager.query(`SELECT 1 FROM round WHERE organization_id = $1 AND year = $2`, [node.id, year]);
        if (existing) throw AssessmentErrors.ROUND_EXISTS({ name: node.name, year });
        const [row] = await manager.query(
          `INSERT INTO round (scheme_id, organization_id, organization_path, organization_kind, year, phase, opened_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
          [scheme.id, node.id, node.path, node.kind, year, Phase.SELF_ASSESSMENT, caller.subject],
        );
        // A scheme a round has used is frozen from now on.
        await manager.query(`UPDATE scheme SET in_use = true WHERE id = $1`, [scheme.id]);
        await emit(manager, caller.subject, [roundEvent(AssessmentEventType.ROUND_OPENED, await roundById(manager, row.id))]);
        return row.id as string;
      });
      return roundById(manager, id);
    });
  }

  private async lockOpen(manager: EntityManager, caller: Caller, id: string) {
    const round = await roundById(manager, id, true);
    const node = await managedNode(manager, caller, round.organizationId);
    if (round.phase === Phase.CLOSED) throw AssessmentErrors.ROUND_CLOSED({ name: node.name, year: round.year });
    return { round, node };
  }

  advance(caller: Caller, id: string): Promise<RoundRecord> {
    return this.services.unitOfWork.run(async (manager) => {
      const { round } = await this.lockOpen(manager, caller, id);
      const next = NEXT_PHASE[round.phase];
      if (!next) throw AssessmentErrors.LAST_PHASE();
      await manager.query(`UPDATE round SET phase = $2 WHERE id = $1`, [id, next]);
      const updated = await roundById(manager, id);
      await emit(manager, caller.subject, [roundEvent(AssessmentEventType.ROUND_PHASE_CHANGED, updated, { fromPhase: round.phase })]);
      return updated;
    });
  }

  /** 评分 (manual, with evidence) or 扣分 (a spot-check finding, with reason and date), in the phase that scores it. */
  score(caller: Caller, id: string, input: ScoreInput, kind: EntryKind, idempotencyKey?: string | null): Promise<RoundRecord> {
    return this.services.unitOfWork.run(async (manager) => {
      const { round } = await this.lockOpen(manager, caller, id);
      const scheme = await schemeById(manager, round.schemeId);
      const indicator = scheme.indicators.find((i) => i.code === input.indicatorCode && i.leaf);
      if (!indicator) throw AssessmentErrors.INDICATOR_NOT_FOUND({ code: input.indicatorCode }, { field: 'indicatorCode' });
      const method = indicator.method as ScoringMethod;
      if (method === ScoringMethod.AUTOMATIC) throw AssessmentErrors.AUTOMATIC_INDICATOR({ indicator: indicator.name });
      const wanted = kind === EntryKind.DEDUCTION ? ScoringMethod.DEDUCTION : ScoringMethod.MANUAL;
      if (method !== wanted || !SCORED_IN[method].includes(round.phase)) {
        throw AssessmentErrors.WRONG_PHASE({
          indicator: indicator.name,
          phase: PHASE_ZH[round.phase],
          allowed: SCORED_IN[method].map((p) => PHASE_ZH[p]).join('或'),
        });
      }
      let evidence: string | null = null;
      let reason: string | null = null;
      let occurredOn: string | null = null;
      if (kind === EntryKind.SCORE) {
        if (!(input.points >= 0 && input.points <= indicator.maxScore)) {
          throw AssessmentErrors.SCORE_OUT_OF_RANGE(
            { indicator: indicator.name, maxScore: indicator.maxScore, given: input.points },
            { field: 'points' },
          );
        }
        if (!input.evidence?.trim()) throw AssessmentErrors.EVIDENCE_REQUIRED({ indicator: indicator.name }, { field: 'evidence' });
        evidence = text(input.evidence, '评分依据', 500);
      } else {
        const [{ deducted }] = await manager.query(
          `SELECT coalesce(sum(points), 0)::float AS deducted FROM score_entry WHERE round_id = $1 AND indicator_code = $2 AND kind = 'DEDUCTION'`,
          [id, indicator.code],
        );
        const remaining = Math.round((indicator.maxScore - deducted) * 100) / 100;
        if (!(input.points > 0 && input.points <= remaining)) {
          throw AssessmentErrors.DEDUCTION_OUT_OF_RANGE({ indicator: indicator.name, remaining, given: input.points }, { field: 'points' });
        }
        if (!input.reason?.trim()) throw AssessmentErrors.REASON_REQUIRED({ maxLength: 200 }, { field: 'reason' });
        reason = text(input.reason, '扣分原因', 200);
        occurredOn = notInFuture(input.occurredOn ?? this.services.today(), this.services.today());
      }
      if (Math.round(input.points * 100) / 100 !== input.points) {
        throw AssessmentErrors.SCORE_OUT_OF_RANGE({ indicator: indicator.name, maxScore: indicator.maxScore, given: input.points });
      }
      const key = idempotencyKey ? { caller: caller.subject, operation: `${kind}:${id}`, key: idempotencyKey } : null;
      await runOnce(manager, key, input, async () => {
        const [row] = await manager.query(
          `INSERT INTO score_entry (round_id, indicator_code, phase, kind, points, evidence, reason, occurred_on, scored_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [id, indicator.code, round.phase, kind, input.points, evidence, reason, occurredOn, caller.subject],
        );
        await emit(manager, caller.subject, [
          roundEvent(AssessmentEventType.INDICATOR_SCORED, round, {
            indicatorCode: indicator.code,
            kind,
            points: input.points,
            occurredOn,
          }),
        ]);
        return String(row.id);
      });
      return round;
    });
  }

  /** 结束考核: scores from the facts of the day, frozen with every fact used; grade, stars and their events. */
  close(caller: Caller, id: string): Promise<RoundRecord> {
    return this.services.unitOfWork.run(async (manager) => {
      const { round } = await this.lockOpen(manager, caller, id);
      if (round.phase !== Phase.YEAR_END) throw AssessmentErrors.NOT_AT_YEAR_END({ phase: PHASE_ZH[round.phase] });
      const [view] = await evaluate(manager, this.services, [round]);
      const rules = this.services.rules(round.year);
      const vetoed = view.score.vetoes.length > 0;
      const finalScore = view.score.finalScore;
      const grade = gradeOf(finalScore, vetoed, rules);
      const stars = starsOf(finalScore, vetoed, rules);
      const pioneerIndex = await pioneerOfOrganization(manager, round.organizationId, round.year);
      const snapshot: RoundSnapshotStored = { judgedOn: view.judgedOn, facts: view.facts, score: view.score, pioneerIndex };
      await manager.query(
        `UPDATE round SET phase = $2, final_score = $3, grade = $4, stars = $5, vetoed = $6, veto_reasons = $7, snapshot = $8,
           closed_by = $9, closed_at = now() WHERE id = $1`,
        [id, Phase.CLOSED, finalScore, grade, stars, vetoed, JSON.stringify(view.score.vetoes), JSON.stringify(snapshot), caller.subject],
      );
      const closed = await roundById(manager, id);
      await emit(manager, caller.subject, [
        roundEvent(AssessmentEventType.ROUND_CLOSED, closed, { vetoes: view.score.vetoes }),
        {
          type: AssessmentEventType.STARS_RATED,
          aggregateId: closed.id,
          organizationId: closed.organizationId,
          organizationPath: closed.organizationPath,
          schemaVersion: STARS_RATED_SCHEMA_VERSION,
          data: {
            organizationId: closed.organizationId,
            organizationKind: closed.organizationKind,
            year: closed.year,
            stars,
            finalScore,
            vetoed,
            topTen: { count: rules.topTen.count, minScore: rules.topTen.minScore },
            pioneerIndex,
          },
        },
      ]);
      return closed;
    });
  }

  /** A round the caller may see. */
  async visible(caller: Caller, id: string): Promise<RoundRecord> {
    const manager = this.services.dataSource.manager;
    const round = await roundById(manager, id);
    await visibleNode(manager, caller, round.organizationId);
    return round;
  }
}

export type { IndicatorScore };

/** Scores every open round of a year at once, as the batched resolvers do (for the benchmark and operators). */
export async function scoreOpenRounds(services: AssessmentServices, year: number): Promise<RoundView[]> {
  const manager = services.dataSource.manager;
  const rounds: RoundRecord[] = await manager.query(`SELECT ${ROUND_COLUMNS} FROM round r WHERE r.year = $1 AND r.phase <> 'CLOSED'`, [
    year,
  ]);
  return evaluate(manager, services, rounds);
}
