import type { DataSource } from 'typeorm';
import { Caller, allowed, assertAllowed } from '@partybuild/auth';
import type { Period } from '@partybuild/calendar';
import { daysBetween } from '@partybuild/calendar';
import { effectiveStatus } from '../domain/wish';
import { AGENCY_SECTORS } from '../domain/kinds';
import { PairingErrors } from '../errors';
import { knownNode, nodeFor, visibleNode } from './access';
import { PROBLEM_COLUMNS, ProblemRow } from './visit-commands';
import { WISH_COLUMNS, WishRow } from './wish-commands';

export interface Window {
  limit: number;
  offset: number;
}

/** Reads of services, wishes, member pairs, problems and summaries, scope-checked. */
export class PairingQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly today: () => string,
  ) {}

  private get manager() {
    return this.dataSource.manager;
  }

  /** A wish as a reader gives it out: its resident still sealed, read field by field (`ResidentDataReader`, audited). */
  wishView(w: WishRow, villagePath: readonly string[]) {
    return {
      ...w,
      villagePath,
      status: effectiveStatus(w.status, w.expiresOn, this.today()),
      organization: { id: w.organizationId },
      claimedBy: w.claimedBy ? { id: w.claimedBy } : null,
      claimedById: w.claimedBy,
    };
  }

  /** A wish, for whoever may read its village's pairing records, and for the member who claimed it. */
  async wish(caller: Caller, id: string) {
    const [w]: WishRow[] = await this.manager.query(`SELECT ${WISH_COLUMNS} FROM micro_wish WHERE id = $1`, [id]);
    if (!w) throw PairingErrors.WISH_NOT_FOUND({ id });
    const village = await knownNode(this.manager, w.organizationId);
    // Without a path, only an `own` cell (the claimer) or `anywhere` lets the caller in.
    const claimer = w.claimedBy !== null && allowed(caller, 'pairing.claim', { memberId: w.claimedBy });
    if (!claimer) assertAllowed(caller, 'pairing.read', { path: village.path }, village.name);
    return this.wishView(w, village.path);
  }

  /** Who read a wish's resident in clear, newest first: the same row of the access table as membership's log (district admins). */
  async residentAccessLog(caller: Caller, wishId: string, window: Window) {
    assertAllowed(caller, 'personalDataAccessLog');
    const rows: Array<Record<string, unknown> & { total: number }> = await this.manager.query(
      `SELECT wish_id AS "wishId", actor, actor_roles AS "actorRoles", fields, purpose, request_id AS "requestId",
              accessed_at AS "accessedAt", count(*) OVER ()::int AS total
       FROM resident_data_access WHERE wish_id = $1 ORDER BY id DESC LIMIT $2 OFFSET $3`,
      [wishId, window.limit, window.offset],
    );
    return { items: rows, total: rows[0]?.total ?? 0 };
  }

  /** Open wishes of an organisation's subtree (not yet past their last day), oldest first. */
  async openWishes(caller: Caller, organizationId: string, window: Window) {
    const node = await visibleNode(this.manager, caller, organizationId);
    const rows: Array<WishRow & { total: number; path: string[] }> = await this.manager.query(
      `SELECT w.*, n.path, count(*) OVER ()::int AS total
       FROM (SELECT ${WISH_COLUMNS} FROM micro_wish WHERE status = 'OPEN' AND expires_on >= $2) w
       JOIN org_node n ON n.id = w."organizationId"
       WHERE n.path @> ARRAY[$1::uuid]
       ORDER BY w."postedOn", w.id LIMIT $3 OFFSET $4`,
      [node.id, this.today(), window.limit, window.offset],
    );
    return { items: rows.map((r) => this.wishView(r, r.path)), total: rows[0]?.total ?? 0 };
  }

  /** Agency members in a subtree who have not claimed a wish in the year (each should claim one). */
  async membersWithoutWish(caller: Caller, year: number, under: string, window: Window) {
    const node = await nodeFor(this.manager, caller, 'pairing.manage', under);
    const rows: Array<{ id: string; total: number }> = await this.manager.query(
      `SELECT m.id, count(*) OVER ()::int AS total
       FROM member m JOIN org_node n ON n.id = m.organization_id
       WHERE n.path @> ARRAY[$1::uuid] AND n.sector = ANY($2::text[]) AND m.status = 'ACTIVE'
         AND NOT EXISTS (SELECT 1 FROM micro_wish w WHERE w.claimed_by = m.id AND w.claimed_on BETWEEN $3::date AND $4::date)
       ORDER BY m.id LIMIT $5 OFFSET $6`,
      [node.id, AGENCY_SECTORS, `${year}-01-01`, `${year}-12-31`, window.limit, window.offset],
    );
    return { items: rows.map((r) => ({ id: r.id })), total: rows[0]?.total ?? 0 };
  }

  /**
   * Overdue problems of one assignee, most overdue first (有呼必应). One statement: the assignee's
   * place in the tree and the page come together (index `problem_assignee_overdue`); the page is
   * given out only once the access table allows the caller there.
   */
  async overdueProblems(caller: Caller, assigneeId: string, window: Window) {
    assertAllowed(caller, 'pairing.problems');
    const rows: Array<Partial<ProblemRow> & { total: number | null; path: string[]; name: string }> = await this.manager.query(
      `SELECT n.path, n.name, p.* FROM org_node n LEFT JOIN LATERAL (
         SELECT ${PROBLEM_COLUMNS}, count(*) OVER ()::int AS total FROM problem
         WHERE assignee_id = n.id AND status = 'OPEN' AND deadline < $2
         ORDER BY deadline, id LIMIT $3 OFFSET $4) p ON true
       WHERE n.id = $1`,
      [assigneeId, this.today(), window.limit, window.offset],
    );
    if (!rows.length) throw PairingErrors.ORGANIZATION_NOT_FOUND({ id: assigneeId }, { reference: assigneeId });
    assertAllowed(caller, 'pairing.problems', { path: rows[0].path }, rows[0].name);
    const found = rows.filter((r) => r.id) as unknown as ProblemRow[];
    return { items: found.map((r) => this.problemView(r)), total: rows[0].total ?? 0 };
  }

  /** Open problems collected in or assigned to an organisation's subtree, by deadline. */
  async openProblems(caller: Caller, organizationId: string, window: Window) {
    const node = await nodeFor(this.manager, caller, 'pairing.problems', organizationId);
    const rows: Array<ProblemRow & { total: number }> = await this.manager.query(
      `WITH sub AS (SELECT id FROM org_node WHERE path @> ARRAY[$1::uuid])
       SELECT ${PROBLEM_COLUMNS}, count(*) OVER ()::int AS total FROM problem
       WHERE status = 'OPEN' AND (organization_id IN (SELECT id FROM sub) OR assignee_id IN (SELECT id FROM sub))
       ORDER BY deadline, id LIMIT $2 OFFSET $3`,
      [node.id, window.limit, window.offset],
    );
    return { items: rows.map((r) => this.problemView(r)), total: rows[0]?.total ?? 0 };
  }

  problemView(p: ProblemRow) {
    const today = this.today();
    return {
      ...p,
      organization: { id: p.organizationId },
      assignee: { id: p.assigneeId },
      daysToResolve: p.resolvedOn ? daysBetween(p.collectedOn, p.resolvedOn) : null,
      daysOverdue: p.status === 'OPEN' && p.deadline < today ? daysBetween(p.deadline, today) : 0,
    };
  }

  /** A member's open member pair: theirs to see, and their organisation's cadres'. */
  async memberPair(caller: Caller, memberId: string, memberPath: string[] | null) {
    if (!mayRead(caller, memberId, memberPath)) return null;
    const [row] = await this.manager.query(
      `SELECT id, agency_member_id, rural_member_id, pair_id, starts_on::text AS starts_on, ends_on::text AS ends_on FROM member_pair
       WHERE (agency_member_id = $1 OR rural_member_id = $1) AND (ends_on IS NULL OR ends_on >= $2)
       ORDER BY starts_on DESC LIMIT 1`,
      [memberId, this.today()],
    );
    if (!row) return null;
    return {
      id: row.id,
      agencyMember: { id: row.agency_member_id },
      ruralMember: { id: row.rural_member_id },
      pairId: row.pair_id,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
    };
  }

  async memberServices(caller: Caller, memberId: string, memberPath: string[] | null, period: Period | null, window: Window) {
    if (!mayRead(caller, memberId, memberPath)) return { items: [], total: 0 };
    const rows = await this.manager.query(
      `SELECT ${SERVICE_COLUMNS}, count(*) OVER ()::int AS total FROM service_record
       WHERE member_ids @> ARRAY[$1::uuid] AND ($2::date IS NULL OR delivered_on BETWEEN $2::date AND $3::date)
       ORDER BY delivered_on DESC, id LIMIT $4 OFFSET $5`,
      [memberId, period?.start ?? null, period?.end ?? null, window.limit, window.offset],
    );
    return { items: rows.map(serviceView), total: rows[0]?.total ?? 0 };
  }

  async serviceById(id: string) {
    const [row] = await this.manager.query(`SELECT ${SERVICE_COLUMNS} FROM service_record WHERE id = $1`, [id]);
    return serviceView(row);
  }

  async visitBatch(batchId: string) {
    const [row] = await this.manager.query(
      `SELECT $1::uuid AS "batchId", count(*)::int AS visits, count(DISTINCT household)::int AS households,
              (SELECT count(*) FROM problem p JOIN household_visit v ON v.id = p.visit_id WHERE v.batch_id = $1)::int AS problems
       FROM household_visit WHERE batch_id = $1`,
      [batchId],
    );
    return row;
  }
}

export const SERVICE_COLUMNS = `id, pair_id AS "pairId", type, delivered_on::text AS "deliveredOn", beneficiaries, funds::float8 AS funds,
  outcome, attachments, member_ids AS "memberIds"`;

export const serviceView = (r: { memberIds: string[] } & Record<string, unknown>) => ({ ...r, members: r.memberIds.map((id) => ({ id })) });

/**
 * A member's pairing records (`pairing.memberPair`): theirs and their organisation's cadres' to
 * see; a member the service does not know has none (for whoever may see any).
 */
function mayRead(caller: Caller, memberId: string, memberPath: string[] | null): boolean {
  assertAllowed(caller, 'pairing.memberPair');
  if (memberPath === null) return false;
  assertAllowed(caller, 'pairing.memberPair', { path: memberPath, memberId }, '该党员的结对信息');
  return true;
}
