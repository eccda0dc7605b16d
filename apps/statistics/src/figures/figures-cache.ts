import type { EntityManager } from 'typeorm';
import type { Period } from '@partybuild/calendar';
import { FIGURE_GROUPS, FigureGroup, FigureParts, asOfDay, computeFigureGroups } from './compute-figures';

/** Entries kept at most (one per organisation, period, day and group) before the cache starts over. */
const MAX_ENTRIES = 20_000 * FIGURE_GROUPS.length;

/**
 * Figures stay valid until the next batch of events is applied. The consumer raises
 * `stat_version` in each batch's transaction, so one cheap read tells whether what is cached
 * is still current — on every instance of the service, whichever consumed the events. Each
 * group is cached on its own: a view that asks for fewer groups computes only those.
 */
export class FiguresCache {
  private version: string | null = null;
  private readonly entries = new Map<string, FigureParts>();

  async figures(
    manager: EntityManager,
    targets: string[],
    period: Period,
    today: string,
    groups: readonly FigureGroup[] = FIGURE_GROUPS,
  ): Promise<Map<string, FigureParts>> {
    const [{ version }] = await manager.query(`SELECT version::text AS version FROM stat_version WHERE id = 1`);
    if (version !== this.version || this.entries.size > MAX_ENTRIES) {
      this.entries.clear();
      this.version = version;
    }
    const key = (group: FigureGroup, target: string) => `${group}|${period.label}|${today}|${target}`;
    await Promise.all(
      groups.map(async (group) => {
        const missing = targets.filter((target) => !this.entries.has(key(group, target)));
        if (!missing.length) return;
        const computed = await computeFigureGroups(manager, missing, period, today, [group]);
        for (const [target, parts] of computed) this.entries.set(key(group, target), parts);
      }),
    );
    const asOf = asOfDay(period, today);
    return new Map(
      targets.map((target) => [
        target,
        Object.assign({ organizationId: target, period, asOf }, ...groups.map((group) => this.entries.get(key(group, target)))),
      ]),
    );
  }
}
