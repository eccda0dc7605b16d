import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '../envelope';
import type { DeliveredRecord } from '../transport/event-transport';
import type { HandlerEntry } from './idempotent-consumer';

/** An event of the batch, read and matched to its handler, not applied before. */
export interface FreshEvent {
  record: DeliveredRecord;
  event: EventEnvelope;
  handler: HandlerEntry;
}

export interface StrategyOutcome {
  applied: EventEnvelope[];
  parked: number;
}

/** Keeps an event the consumer could not apply; resolves to 1 if it was not kept already. */
export type Park = (record: DeliveredRecord, reason: string) => Promise<number>;

/**
 * How a batch's fresh events are applied inside the batch's transaction. The consumer tries
 * `applyInRuns` first and falls back to `applyOneByOne` for a batch in which a handler failed.
 */
export type ApplyStrategy = (events: readonly FreshEvent[], manager: EntityManager, park: Park) => Promise<StrategyOutcome>;

/** A handler failed under `applyInRuns`: the batch's transaction is lost and must be applied one by one. */
export class HandlerFailed extends Error {
  constructor(
    readonly event: EventEnvelope,
    cause: unknown,
  ) {
    super(`handler of ${event.type} failed on event ${event.id}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'HandlerFailed';
  }
}

/**
 * The fast way: consecutive events whose handler has `handleMany` are applied as one run
 * (set-based SQL), the others one at a time, with no savepoints. Any failure rejects with
 * `HandlerFailed` (the handler's error as its cause) and leaves the transaction unusable.
 */
export const applyInRuns: ApplyStrategy = async (events, manager) => {
  const applied: EventEnvelope[] = [];
  for (let i = 0; i < events.length;) {
    const many = events[i].handler.handleMany;
    let end = i + 1;
    while (many && end < events.length && events[end].handler.handleMany === many) end += 1;
    const run = events.slice(i, end).map((e) => e.event);
    try {
      await (many ? many(run, manager) : events[i].handler.handle(run[0], manager));
    } catch (error) {
      throw new HandlerFailed(run[0], error);
    }
    applied.push(...run);
    i = end;
  }
  return { applied, parked: 0 };
};

/**
 * The careful way: each event behind its own savepoint (two statements more an event), so a
 * failing handler undoes only its own effect and its event is parked; the others apply.
 */
export const applyOneByOne: ApplyStrategy = async (events, manager, park) => {
  const outcome: StrategyOutcome = { applied: [], parked: 0 };
  for (const { record, event, handler } of events) {
    await manager.query('SAVEPOINT apply_event');
    try {
      await handler.handle(event, manager);
      await manager.query('RELEASE SAVEPOINT apply_event');
      outcome.applied.push(event);
    } catch (error) {
      await manager.query('ROLLBACK TO SAVEPOINT apply_event');
      outcome.parked += await park(record, `handler failed: ${(error as Error).message}`);
    }
  }
  return outcome;
};
