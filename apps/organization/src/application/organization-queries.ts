import { DataSource, In, SelectQueryBuilder } from 'typeorm';
import { Caller, reach } from '@partybuild/auth';
import { Page, toPage } from '@partybuild/federation';
import { addDays } from '@partybuild/calendar';
import { OrganizationRecord, OrganizationRevisionRecord } from '../entities';
import { OrganizationErrors } from '../errors';
import { OrganizationKind, OrganizationStatus, Sector } from '../domain/organization-kind';
import { TermStatus } from '../domain/committee-term';
import { assertVisible } from './organization-access';
import { branchFigures, branchIdsUnder } from './branch-figures';
import { BranchFigures, StructuralIssue, structuralIssues } from '../domain/structural-rules';

/** How far ahead (days) a term alert may look: ten years. */
const MAX_ALERT_DAYS = 3650;

export interface Window {
  limit: number;
  offset: number;
}

export interface SubtreeFilter {
  kinds?: OrganizationKind[] | null;
  sectors?: Sector[] | null;
  includeDissolved?: boolean | null;
}

/** Reads of the tree, always limited to the caller's scope. */
export class OrganizationQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly today: () => string,
  ) {}

  async byId(caller: Caller, id: string): Promise<OrganizationRecord> {
    const organization = await this.dataSource.manager.findOne(OrganizationRecord, { where: { id } });
    if (!organization) throw OrganizationErrors.ORGANIZATION_NOT_FOUND({ reference: id });
    assertVisible(caller, organization);
    return organization;
  }

  async byCode(caller: Caller, code: string): Promise<OrganizationRecord> {
    const organization = await this.dataSource.manager.findOne(OrganizationRecord, { where: { code: code.trim() } });
    if (!organization) throw OrganizationErrors.ORGANIZATION_NOT_FOUND({ reference: code.trim() }, { field: 'code' });
    assertVisible(caller, organization);
    return organization;
  }

  /** Everything below an organisation, shallowest first. */
  async subtree(caller: Caller, rootId: string, filter: SubtreeFilter, window: Window): Promise<Page<OrganizationRecord>> {
    await this.byId(caller, rootId);
    const query = this.filtered(filter).andWhere('o.ancestor_ids @> ARRAY[:rootId]::uuid[]', { rootId });
    return this.page(query.orderBy('cardinality(o.ancestor_ids)').addOrderBy('o.code'), window);
  }

  /**
   * Organisations whose name contains the text (Chinese names have no word breaks, so
   * 交通局 must find 合川区交通局机关党支部): a substring match within the caller's scope.
   */
  async search(caller: Caller, text: string, filter: SubtreeFilter, window: Window): Promise<Page<OrganizationRecord>> {
    const needle = text.trim();
    if (!needle) throw OrganizationErrors.SEARCH_NAME_EMPTY();
    const escaped = needle.replace(/[\\%_]/g, (c) => `\\${c}`);
    const query = this.inScope(caller, this.filtered(filter)).andWhere('o.name ILIKE :pattern', { pattern: `%${escaped}%` });
    return this.page(query.orderBy('length(o.name)').addOrderBy('o.code'), window);
  }

  /** 换届提醒: committees whose term ends within `withinDays`, or has already ended. */
  async termAlerts(
    caller: Caller,
    status: TermStatus,
    withinDays: number,
    underId: string | null,
    window: Window,
  ): Promise<Page<OrganizationRecord>> {
    if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > MAX_ALERT_DAYS) {
      throw OrganizationErrors.WITHIN_DAYS_RANGE({ max: MAX_ALERT_DAYS });
    }
    const today = this.today();
    let query = this.inScope(caller, this.filtered({}));
    if (underId) {
      await this.byId(caller, underId);
      query = query.andWhere('(o.id = :underId OR o.ancestor_ids @> ARRAY[:underId]::uuid[])', { underId });
    }
    if (status === TermStatus.OVERDUE) query = query.andWhere('o.term_ends_on < :today', { today });
    else if (status === TermStatus.DUE_SOON) {
      query = query.andWhere('o.term_ends_on BETWEEN :today AND :until', { today, until: addDays(today, withinDays) });
    } else throw OrganizationErrors.TERM_STATUS_UNKNOWN();
    return this.page(query.orderBy('o.term_ends_on').addOrderBy('o.code'), window);
  }

  /** Branches that break a structural rule (fewer than 3 full members, over 50, no committee). */
  async structuralReport(
    caller: Caller,
    underId: string | null,
    window: Window,
  ): Promise<Page<BranchFigures & { issues: StructuralIssue[]; organization: OrganizationRecord }>> {
    const manager = this.dataSource.manager;
    if (underId) await this.byId(caller, underId);
    else if (!reach(caller, 'organization.read').anywhere) throw OrganizationErrors.UNDER_REQUIRED();
    const ids = await branchIdsUnder(manager, underId);
    const figures = await branchFigures(manager, ids);
    const breaking = ids
      .map((id) => ({ id, ...figures.get(id)!, issues: structuralIssues(figures.get(id)!) }))
      .filter((b) => b.issues.length > 0);
    const page = breaking.slice(window.offset, window.offset + window.limit);
    const organizations = new Map(
      (await manager.find(OrganizationRecord, { where: { id: In(page.map((b) => b.id)) } })).map((o) => [o.id, o] as const),
    );
    return toPage(
      page.map((b) => ({ ...b, organization: organizations.get(b.id)! })),
      breaking.length,
      window,
    );
  }

  async history(caller: Caller, id: string, window: Window): Promise<Page<OrganizationRevisionRecord>> {
    await this.byId(caller, id);
    const query = this.dataSource.manager
      .createQueryBuilder(OrganizationRevisionRecord, 'r')
      .where('r.organization_id = :id', { id })
      .orderBy('r.id', 'DESC');
    return this.page(query, window);
  }

  private filtered(filter: SubtreeFilter): SelectQueryBuilder<OrganizationRecord> {
    let query = this.dataSource.manager.createQueryBuilder(OrganizationRecord, 'o').where('true');
    if (!filter.includeDissolved) query = query.andWhere('o.status = :active', { active: OrganizationStatus.ACTIVE });
    if (filter.kinds?.length) query = query.andWhere('o.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.sectors?.length) query = query.andWhere('o.sector IN (:...sectors)', { sectors: filter.sectors });
    return query;
  }

  private inScope<T extends SelectQueryBuilder<OrganizationRecord>>(caller: Caller, query: T): T {
    const { anywhere, roots } = reach(caller, 'organization.read');
    if (anywhere) return query;
    return query.andWhere('(o.id = ANY(:scope::uuid[]) OR o.ancestor_ids && :scope::uuid[])', { scope: roots }) as T;
  }

  private async page<T extends object>(query: SelectQueryBuilder<T>, window: Window): Promise<Page<T>> {
    const [items, total] = await query.take(window.limit).skip(window.offset).getManyAndCount();
    return toPage(items, total, window);
  }
}
