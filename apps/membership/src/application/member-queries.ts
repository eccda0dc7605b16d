import { DataSource, In } from 'typeorm';
import { Caller, Operation, allowed, assertAllowed } from '@partybuild/auth';
import { addYears, monthsOf, parsePeriod } from '@partybuild/calendar';
import { DuesAccount, dueIn, memberDues, sumDues } from '@partybuild/dues';
import { Page, toPage } from '@partybuild/federation';
import { OrgNode } from '@partybuild/org-tree';
import { DevelopmentStepRecord, MemberRecord, PersonalDataAccessRecord, TransferRecord } from '../entities';
import { MembershipErrors } from '../errors';
import { DevelopmentStage, Gender, MEMBER_STAGES, MemberCategory, MemberStatus } from '../domain/member-kinds';
import { DueItem, dueFor } from '../domain/due-next';
import { arrears, monthlyDueFen } from '../domain/dues';
import { monthOf } from '../domain/dates';
import { effectiveState } from '../domain/transfer';
import { PersonalDataCipher } from '../domain/personal-data-cipher';
import { DuesRules, RECORD_RULES, duesRulesOn } from '../reference/membership-rules';
import { assertMemberAccess, assertVisible, organizationNode } from './member-access';

export interface Window {
  limit: number;
  offset: number;
}

export interface MemberFilter {
  stages?: DevelopmentStage[] | null;
  statuses?: MemberStatus[] | null;
  categories?: MemberCategory[] | null;
  genders?: Gender[] | null;
  ageFrom?: number | null;
  ageTo?: number | null;
  includeSubtree?: boolean | null;
  /** The organisation is a Party group: its members are found by group (an index each way, no OR). */
  partyGroup?: boolean;
}

/** Without a status filter, the list shows the people the organisation still holds. */
const CURRENT_STATUSES = [MemberStatus.ACTIVE, MemberStatus.FLOATING, MemberStatus.LOST_CONTACT];

export interface DueEntry extends DueItem {
  member: MemberRecord;
}

/** What dues are computed from. */
export type DuesFacts = Pick<MemberRecord, 'id' | 'name' | 'stage' | 'category' | 'duesBaseFen' | 'duesStartMonth' | 'monthlyDues'>;

/** What the shared dues definition reads of a member (a record from before the history: today's due throughout). */
export const accountOf = (m: DuesFacts, rules: DuesRules): DuesAccount => {
  const startMonth = MEMBER_STAGES.includes(m.stage) ? m.duesStartMonth : null;
  const monthlyDues = m.monthlyDues?.length
    ? m.monthlyDues
    : startMonth
      ? [{ from: startMonth, fen: monthlyDueFen(m.category, m.duesBaseFen, rules) }]
      : [];
  return { startMonth, monthlyDues };
};

export type DuesOf = Omit<ArrearsEntry, 'member'>;

export interface ArrearsEntry {
  member: MemberRecord;
  unpaidMonths: string[];
  consecutiveUnpaid: number;
  /** Six (configurable) consecutive unpaid months: for people to decide, never automatic. */
  flagged: boolean;
  owedFen: number;
}

export interface DuesSummary {
  organizationId: string;
  period: string;
  members: number;
  expectedFen: number;
  collectedFen: number;
  membersPaid: number;
  membersInArrears: number;
  flaggedMembers: number;
}

/** Reads, always limited to the caller's scope through the tree copy. */
export class MemberQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: PersonalDataCipher,
    private readonly today: () => string,
  ) {}

  async byId(caller: Caller, id: string): Promise<MemberRecord> {
    const member = await this.dataSource.manager.findOne(MemberRecord, { where: { id } });
    if (!member) throw MembershipErrors.MEMBER_NOT_FOUND({ reference: id });
    assertMemberAccess(caller, 'member.read', member, await organizationNode(this.dataSource.manager, member.organizationId));
    return member;
  }

  /** Looks a person up by ID number through its keyed hash (the number itself is never compared in clear). */
  async byIdNumber(caller: Caller, idNumber: string): Promise<MemberRecord> {
    assertAllowed(caller, 'member.lookup');
    const member = await this.dataSource.manager.findOne(MemberRecord, {
      where: { idNumberHash: this.cipher.lookupHash(idNumber.trim().toUpperCase()) },
    });
    // Outside the caller's scope reads like absent: a lookup must not tell who is registered elsewhere.
    const node = member ? await organizationNode(this.dataSource.manager, member.organizationId) : null;
    if (!member || !node || !allowed(caller, 'member.lookup', { path: node.path })) throw MembershipErrors.MEMBER_NOT_FOUND_BY_ID_NUMBER();
    return member;
  }

  /** An organisation on which the access table lets the caller do the operation. */
  async visibleNode(caller: Caller, organizationId: string, operation: Operation): Promise<OrgNode> {
    assertAllowed(caller, operation);
    const node = await organizationNode(this.dataSource.manager, organizationId);
    assertVisible(caller, node, node.name, operation);
    return node;
  }

  /** One page of an organisation's people (already scope-checked): one statement for the rows and the total. */
  async members(organizationId: string, filter: MemberFilter, window: Window): Promise<Page<MemberRecord>> {
    const { where, params } = this.where(organizationId, filter);
    const { entities, raw } = await this.dataSource.manager
      .createQueryBuilder(MemberRecord, 'm')
      .addSelect('count(*) OVER ()', 'total')
      .where(where.replace(/\$(\d+)/g, ':p$1'), Object.fromEntries(params.map((p, i) => [`p${i + 1}`, p])))
      .orderBy('m.name')
      .addOrderBy('m.id')
      .limit(window.limit)
      .offset(window.offset)
      .getRawAndEntities();
    if (!entities.length && window.offset > 0) {
      // Past the last page the window function has no row to count on.
      const [{ total }] = await this.dataSource.manager.query(`SELECT count(*) AS total FROM member m WHERE ${where}`, params);
      return toPage([], Number(total), window);
    }
    return toPage(entities, Number(raw[0]?.total ?? 0), window);
  }

  /** All matching records (for export), in name order. */
  async allMembers(caller: Caller, organizationId: string, filter: MemberFilter): Promise<MemberRecord[]> {
    await this.visibleNode(caller, organizationId, 'member.export');
    const { where, params } = this.where(organizationId, filter);
    return this.dataSource.manager
      .createQueryBuilder(MemberRecord, 'm')
      .where(where.replace(/\$(\d+)/g, ':p$1'), Object.fromEntries(params.map((p, i) => [`p${i + 1}`, p])))
      .orderBy('m.name')
      .addOrderBy('m.id')
      .getMany();
  }

  private where(organizationId: string, filter: MemberFilter): { where: string; params: unknown[] } {
    const params: unknown[] = [organizationId];
    const clauses = [
      filter.includeSubtree
        ? `m.organization_id IN (SELECT id FROM org_node WHERE path @> ARRAY[$1::uuid])`
        : filter.partyGroup
          ? `m.party_group_id = $1::uuid`
          : `m.organization_id = $1::uuid`,
    ];
    const any = (column: string, values: readonly string[] | null | undefined) => {
      if (!values?.length) return;
      params.push(values);
      clauses.push(`m.${column} = ANY($${params.length}::text[])`);
    };
    any('stage', filter.stages);
    any('status', filter.statuses?.length ? filter.statuses : CURRENT_STATUSES);
    any('category', filter.categories);
    any('gender', filter.genders);
    const today = this.today();
    for (const [key, value] of [
      ['ageFrom', filter.ageFrom],
      ['ageTo', filter.ageTo],
    ] as const) {
      if (value == null) continue;
      if (!Number.isInteger(value) || value < 0 || value > RECORD_RULES.maxAge) {
        throw MembershipErrors.AGE_RANGE({ field: key, max: RECORD_RULES.maxAge }, { field: key });
      }
    }
    if (filter.ageFrom != null) {
      params.push(addYears(today, -filter.ageFrom));
      clauses.push(`m.birth_date <= $${params.length}::date`);
    }
    if (filter.ageTo != null) {
      params.push(addYears(today, -(filter.ageTo + 1)));
      clauses.push(`m.birth_date > $${params.length}::date`);
    }
    return { where: clauses.join(' AND '), params };
  }

  /** 待办: who in the organisation (and below) is due for what, earliest first. */
  async developmentDue(caller: Caller, organizationId: string, withinDays: number, window: Window): Promise<Page<DueEntry>> {
    if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > RECORD_RULES.maxLookAheadDays) {
      throw MembershipErrors.WITHIN_DAYS_RANGE({ max: RECORD_RULES.maxLookAheadDays });
    }
    await this.visibleNode(caller, organizationId, 'developmentDue');
    const manager = this.dataSource.manager;
    const members = await manager
      .createQueryBuilder(MemberRecord, 'm')
      .where('m.organization_id IN (SELECT id FROM org_node WHERE path @> ARRAY[:org::uuid])', { org: organizationId })
      .andWhere('m.stage <> :full', { full: DevelopmentStage.FULL })
      .andWhere('m.status IN (:...statuses)', { statuses: [MemberStatus.ACTIVE, MemberStatus.FLOATING] })
      .getMany();
    const steps = members.length
      ? await manager
          .createQueryBuilder(DevelopmentStepRecord, 's')
          .where('s.member_id IN (:...ids)', { ids: members.map((m) => m.id) })
          .orderBy('s.id')
          .getMany()
      : [];
    const today = this.today();
    const entries: DueEntry[] = members.flatMap((member) =>
      dueFor({ ...member, history: steps.filter((s) => s.memberId === member.id) }, today, withinDays).map((item) => ({ ...item, member })),
    );
    entries.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.member.name.localeCompare(b.member.name));
    return toPage(entries.slice(window.offset, window.offset + window.limit), entries.length, window);
  }

  /** Members who owe dues (months before the current one unpaid), longest runs first. */
  async arrears(caller: Caller, organizationId: string, window: Window): Promise<Page<ArrearsEntry>> {
    await this.visibleNode(caller, organizationId, 'duesArrears');
    const entries = (await this.duesState(organizationId)).filter((e) => e.unpaidMonths.length);
    entries.sort((a, b) => b.consecutiveUnpaid - a.consecutiveUnpaid || a.member.name.localeCompare(b.member.name));
    const slice = entries.slice(window.offset, window.offset + window.limit);
    const records = slice.length
      ? await this.dataSource.manager.find(MemberRecord, { where: { id: In(slice.map((e) => e.member.id)) } })
      : [];
    const byId = new Map(records.map((r) => [r.id, r]));
    return toPage(
      slice.map((e) => ({ ...e, member: byId.get(e.member.id)! })),
      entries.length,
      window,
    );
  }

  /**
   * Collection over the organisation's subtree for a year, a quarter or a month, by the shared
   * definition of dues (`@partybuild/dues`, the same the statistics count): expected for the
   * months owed (ended, from each member's start month, at the due in force that month);
   * collected for the months of the period, also paid ahead; in arrears with an owed month unpaid.
   */
  async duesSummary(caller: Caller, organizationId: string, period: string): Promise<DuesSummary> {
    await this.visibleNode(caller, organizationId, 'duesSummary');
    const months = monthsOf(parsePeriod(period));
    const current = monthOf(this.today());
    const state = await this.duesState(organizationId);
    const rules = duesRulesOn(this.today());
    const perMember = state.map(({ member, paid }) => memberDues(accountOf(member, rules), months, current, paid));
    const totals = sumDues(perMember);
    return {
      organizationId,
      period,
      members: state.length,
      ...totals,
      membersPaid: perMember.filter((d) => d.collectedFen > 0).length,
      flaggedMembers: state.filter((s) => s.flagged).length,
    };
  }

  /**
   * Every paying member of the subtree with their arrears: one statement returning only what
   * dues need (the whole district is 30 000 rows), months paid aggregated in the database.
   */
  private async duesState(organizationId: string): Promise<Array<DuesOf & { member: DuesFacts; paid: Map<string, number> }>> {
    const rows: Array<DuesFacts & { paid: Record<string, number> }> = await this.dataSource.manager.query(
      `SELECT m.id, m.name, m.stage, m.category, m.dues_base_fen AS "duesBaseFen", m.dues_start_month AS "duesStartMonth",
              m.monthly_dues AS "monthlyDues",
              coalesce((SELECT jsonb_object_agg(p.month, p.amount_fen) FROM dues_payment p
                        WHERE p.member_id = m.id AND p.month >= m.dues_start_month), '{}') AS paid
       FROM member m
       WHERE m.organization_id IN (SELECT id FROM org_node WHERE path @> ARRAY[$1::uuid])
         AND m.stage = ANY($2::text[]) AND m.status = ANY($3::text[])`,
      [organizationId, MEMBER_STAGES, CURRENT_STATUSES],
    );
    return rows.map((row) => {
      const paid = new Map(Object.entries(row.paid));
      return { ...this.duesOf(row, paid), member: row, paid };
    });
  }

  /** A member's arrears over every owed month so far (not only a period's). */
  duesOf(member: DuesFacts, paid: ReadonlySet<string> | ReadonlyMap<string, number>): DuesOf {
    const rules = duesRulesOn(this.today());
    const current = monthOf(this.today());
    const account = accountOf(member, rules);
    const { unpaid, consecutive } = account.startMonth ? arrears(account.startMonth, current, paid) : { unpaid: [], consecutive: 0 };
    return {
      unpaidMonths: unpaid,
      consecutiveUnpaid: consecutive,
      flagged: consecutive >= rules.flagAfterUnpaidMonths,
      owedFen: unpaid.reduce((sum, month) => sum + dueIn(account, month), 0),
    };
  }

  async paidMonths(memberIds: readonly string[]): Promise<Map<string, Set<string>>> {
    if (!memberIds.length) return new Map();
    const rows: Array<{ member_id: string; months: string[] }> = await this.dataSource.manager.query(
      `SELECT member_id, array_agg(month ORDER BY month) AS months FROM dues_payment WHERE member_id = ANY($1::uuid[]) GROUP BY member_id`,
      [memberIds],
    );
    return new Map(rows.map((r) => [r.member_id, new Set(r.months)]));
  }

  async transfers(caller: Caller, organizationId: string, incoming: boolean, window: Window): Promise<Page<TransferRecord>> {
    await this.visibleNode(caller, organizationId, 'memberTransfers');
    const column = incoming ? 't.to_organization_id' : 't.from_organization_id';
    const [items, total] = await this.dataSource.manager
      .createQueryBuilder(TransferRecord, 't')
      .where(`${column} IN (SELECT id FROM org_node WHERE path @> ARRAY[:org::uuid])`, { org: organizationId })
      .orderBy('t.issued_on', 'DESC')
      .addOrderBy('t.id')
      .take(window.limit)
      .skip(window.offset)
      .getManyAndCount();
    const today = this.today();
    return toPage(
      items.map((t) => Object.assign(t, { state: effectiveState(t, today) })),
      total,
      window,
    );
  }

  async accessLog(caller: Caller, memberId: string, window: Window): Promise<Page<PersonalDataAccessRecord>> {
    assertAllowed(caller, 'personalDataAccessLog');
    const member = await this.dataSource.manager.findOne(MemberRecord, { where: { id: memberId } });
    if (!member) throw MembershipErrors.MEMBER_NOT_FOUND({ reference: memberId });
    assertMemberAccess(caller, 'personalDataAccessLog', member, await organizationNode(this.dataSource.manager, member.organizationId));
    const [items, total] = await this.dataSource.manager.findAndCount(PersonalDataAccessRecord, {
      where: { memberId },
      order: { id: 'DESC' },
      take: window.limit,
      skip: window.offset,
    });
    return toPage(items, total, window);
  }
}
