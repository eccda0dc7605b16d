import type { DataSource, EntityManager } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOOK_EVERY_MS = 50;

/**
 * A member registered a moment ago reaches this service's copy only with the membership event,
 * which may still be on its way (the broker just came back, the relay is catching up). A meeting
 * naming such a member waits for the copy, up to `waitMs`, instead of refusing the member as an
 * outsider at once. The wait looks at the database rather than at this process's consumer,
 * because with several instances another one may be the one that applies the event.
 */
export class MemberArrivals {
  constructor(
    private readonly dataSource: DataSource,
    readonly waitMs: number,
  ) {}

  /** Waits until every listed id is in the copy or the wait is over; the ids still unknown. */
  async awaitKnown(ids: readonly string[]): Promise<string[]> {
    let unknown = await this.unknownOf(ids);
    const deadline = Date.now() + this.waitMs;
    while (unknown.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(LOOK_EVERY_MS, Math.max(deadline - Date.now(), 0))));
      unknown = await this.unknownOf(unknown);
    }
    return unknown;
  }

  /** The UUID-shaped ids the copy does not hold (read through `reader`, e.g. a transaction's manager). */
  async unknownOf(ids: readonly string[], reader: DataSource | EntityManager = this.dataSource): Promise<string[]> {
    const wanted = [...new Set(ids)];
    // An id that is not a UUID names nobody: no event will ever bring it.
    const candidates = wanted.filter((id) => UUID.test(id));
    if (candidates.length === 0) return [];
    const rows: Array<{ id: string }> = await reader.query(`SELECT id FROM member WHERE id = ANY($1::uuid[])`, [candidates]);
    const known = new Set(rows.map((r) => r.id));
    return candidates.filter((id) => !known.has(id));
  }
}
