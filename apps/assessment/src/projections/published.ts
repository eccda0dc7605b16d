import type { EntityManager } from 'typeorm';
import type { PioneerFact } from '../domain/pioneer';

/** Marks a source of pioneer points as published: from now on it shows points (or none), not "no data". */
export async function markPublished(manager: EntityManager, fact: PioneerFact, since: string): Promise<void> {
  await manager.query(`INSERT INTO published_fact (fact, since) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [fact, since]);
}
