import type { EntityManager } from 'typeorm';
import type { Period } from '@partybuild/calendar';
import type { Figures } from './figures';
import { computeFigures } from './compute-figures';

const MAX_ENTRIES = 20_000;

/**
 * Figures stay valid until the next batch of events is applied. The consumer raises
 * `stat_version` in each batch's transaction, so one cheap read tells whether what is cached
 * is still current — on every instance of the service, whichever consumed the events.
 */
export class FiguresCache {
  private version: string | null = null;
  private readonly entries = new Map<string, Figures>();

  async figures(manager: EntityManager, targets: string[], period: Period, today: string): Promise<Map<string, Figures>> {
    const [{ version }] = await manager.query(`SELECT version::text AS version FROM stat_version WHERE id = 1`);
    if (version !== this.version || this.entries.size > MAX_ENTRIES) {
      this.entries.clear();
      this.version = version;
    }
    const key = (target: string) => `${period.label}|${today}|${target}`;
    const missing = targets.filter((target) => !this.entries.has(key(target)));
    if (missing.length) {
      const computed = await computeFigures(manager, missing, period, today);
      for (const [target, figures] of computed) this.entries.set(key(target), figures);
    }
    return new Map(targets.map((target) => [target, this.entries.get(key(target))!]));
  }
}
