import type { EntityManager } from 'typeorm';
import type { PairSnapshot } from '@partybuild/contracts';
import type { PairKind, PairStatus } from '../domain/kinds';

export interface PairRow {
  id: string;
  kind: PairKind;
  helperId: string;
  helpedId: string;
  status: PairStatus;
  rule: string | null;
  reason: string | null;
  proposedOn: string;
  startsOn: string | null;
  termMonths: number;
  endsOn: string | null;
  endedOn: string | null;
  endReason: string | null;
}

export const PAIR_COLUMNS = `p.id, p.kind, p.helper_id AS "helperId", p.helped_id AS "helpedId", p.status, p.rule, p.reason,
  p.proposed_on::text AS "proposedOn", p.starts_on::text AS "startsOn", p.term_months AS "termMonths",
  p.ends_on::text AS "endsOn", p.ended_on::text AS "endedOn", p.end_reason AS "endReason"`;

export async function pairById(manager: EntityManager, id: string): Promise<PairRow | null> {
  const rows = await manager.query(`SELECT ${PAIR_COLUMNS} FROM org_pair p WHERE p.id = $1`, [id]);
  return rows[0] ?? null;
}

export const toSnapshot = (p: PairRow): PairSnapshot => ({
  id: p.id,
  kind: p.kind,
  helperId: p.helperId,
  helpedId: p.helpedId,
  status: p.status,
  rule: p.rule,
  proposedOn: p.proposedOn,
  startsOn: p.startsOn,
  termMonths: p.termMonths,
  endsOn: p.endsOn,
  endedOn: p.endedOn,
});
