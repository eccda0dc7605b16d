import { PERIOD_YEARS } from '@partybuild/calendar';
import { checkNumberWithin } from '@partybuild/errors';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { Caller, Operation, allowed, assertAllowed, reach } from '@partybuild/auth';
import { addDays } from '@partybuild/calendar';
import { Page, toPage } from '@partybuild/federation';
import { OrgTree } from '@partybuild/org-tree';
import { ActivityRecord, NominationRecord } from '../entities';
import { ActivityStatus, ActivityType } from '../domain/activity-type';
import { ActivityErrors, OutOfScopeError } from '../errors';
import { ACTIVITY_RULES } from '../reference/activity-rules';
import { visibleNode } from './host-access';

export interface Window {
  limit: number;
  offset: number;
}

export interface PlanLine {
  type: ActivityType;
  planned: number;
  heldAsPlanned: number;
  cancelled: number;
  stillPlanned: number;
  heldUnplanned: number;
}

/** Reads of activities, always limited to the caller's scope. */
export class ActivityQueries {
  constructor(
    private readonly dataSource: DataSource,
    private readonly today: () => string,
  ) {}

  async byId(caller: Caller, id: string): Promise<ActivityRecord> {
    const activity = await this.dataSource.manager.findOne(ActivityRecord, { where: { id } });
    if (!activity) throw ActivityErrors.ACTIVITY_NOT_FOUND({ reference: id });
    assertAllowed(caller, 'activity.read');
    if (!allowed(caller, 'activity.read', { path: activity.hostPath })) {
      // A co-host's cadres see the joint activity too (also before they confirm it).
      const coHosts = await new OrgTree(this.dataSource.manager).nodes([...activity.coHostIds, ...activity.pendingCoHostIds]);
      if (![...coHosts.values()].some((n) => allowed(caller, 'activity.read', { path: n.path })))
        throw new OutOfScopeError(`活动“${activity.topic}”`);
    }
    return activity;
  }

  /** 提醒: planned activities due within `withinDays` (or overdue) that nobody has recorded as held. */
  async reminders(caller: Caller, underId: string | null, withinDays: number, window: Window): Promise<Page<ActivityRecord>> {
    if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > ACTIVITY_RULES.reminderMaxDays) {
      throw ActivityErrors.WITHIN_DAYS_RANGE({ max: ACTIVITY_RULES.reminderMaxDays });
    }
    let query = this.scoped(caller, underId ? await this.under(caller, underId, 'activity.read') : null)
      .andWhere('a.status = :planned', { planned: ActivityStatus.PLANNED })
      .andWhere('a.planned_on <= :until', { until: addDays(this.today(), withinDays) });
    query = query.orderBy('a.planned_on').addOrderBy('a.id');
    const [items, total] = await query.take(window.limit).skip(window.offset).getManyAndCount();
    return toPage(items, total, window);
  }

  async nominations(caller: Caller, year: number, underId: string | null, window: Window): Promise<Page<NominationRecord>> {
    const { anywhere, roots } = reach(caller, 'activity.read');
    let query = this.dataSource.manager.createQueryBuilder(NominationRecord, 'n').where('n.year = :year', { year });
    if (underId)
      query = query.andWhere('n.host_path @> ARRAY[:under]::uuid[]', { under: await this.under(caller, underId, 'activity.read') });
    if (!anywhere) query = query.andWhere('n.host_path && :scope::uuid[]', { scope: roots });
    const [items, total] = await query.orderBy('n.nominated_at').take(window.limit).skip(window.offset).getManyAndCount();
    return toPage(items, total, window);
  }

  /** 计划与落实: the organisation's plan for a year against what was held, by type. */
  async plan(caller: Caller, organizationId: string, year: number): Promise<PlanLine[]> {
    checkNumberWithin('year', '年度', year, PERIOD_YEARS);
    await visibleNode(this.dataSource.manager, caller, organizationId, 'activity.compliance');
    const rows: Array<Record<string, string | number>> = await this.dataSource.manager.query(
      `SELECT type,
              count(*) FILTER (WHERE planned_on IS NOT NULL AND extract(year FROM planned_on) = $2)::int AS planned,
              count(*) FILTER (WHERE planned_on IS NOT NULL AND extract(year FROM planned_on) = $2 AND status = 'HELD')::int AS held_as_planned,
              count(*) FILTER (WHERE planned_on IS NOT NULL AND extract(year FROM planned_on) = $2 AND status = 'CANCELLED')::int AS cancelled,
              count(*) FILTER (WHERE planned_on IS NOT NULL AND extract(year FROM planned_on) = $2 AND status = 'PLANNED')::int AS still_planned,
              count(*) FILTER (WHERE planned_on IS NULL AND extract(year FROM held_on) = $2)::int AS held_unplanned
       FROM activity WHERE host_id = $1 AND extract(year FROM day) = $2 GROUP BY type ORDER BY type`,
      [organizationId, year],
    );
    return rows.map((r) => ({
      type: r.type as ActivityType,
      planned: Number(r.planned),
      heldAsPlanned: Number(r.held_as_planned),
      cancelled: Number(r.cancelled),
      stillPlanned: Number(r.still_planned),
      heldUnplanned: Number(r.held_unplanned),
    }));
  }

  /** An organisation of the tree copy on which the caller may do the operation. */
  visible(caller: Caller, id: string, operation: Operation) {
    return visibleNode(this.dataSource.manager, caller, id, operation);
  }

  private async under(caller: Caller, underId: string, operation: Operation): Promise<string> {
    return (await visibleNode(this.dataSource.manager, caller, underId, operation)).id;
  }

  private scoped(caller: Caller, underId: string | null): SelectQueryBuilder<ActivityRecord> {
    const { anywhere, roots } = reach(caller, 'activity.read');
    let query = this.dataSource.manager.createQueryBuilder(ActivityRecord, 'a').where('true');
    if (underId) query = query.andWhere('a.host_path @> ARRAY[:under]::uuid[]', { under: underId });
    if (!anywhere) query = query.andWhere('a.host_path && :scope::uuid[]', { scope: roots });
    return query;
  }
}
