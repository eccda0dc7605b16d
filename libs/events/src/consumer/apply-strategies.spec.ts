import type { DataSource, EntityManager } from 'typeorm';
import { openDataSource } from '@partybuild/persistence';
import { freshDatabase } from '@partybuild/testing';
import { createEnvelope, EventEnvelope } from '../envelope';
import { addToTally, createTallyTable, readTally } from '../../test/tally';
import { FreshEvent, HandlerFailed, applyInRuns, applyOneByOne } from './apply-strategies';
import type { HandlerEntry } from './idempotent-consumer';

const event = (aggregate: string, n: number): EventEnvelope =>
  createEnvelope('test', {
    type: 'test.counted',
    aggregateId: aggregate,
    organizationId: aggregate,
    organizationPath: [aggregate],
    actor: 't',
    data: { n },
  });
const fresh = (e: EventEnvelope, handler: HandlerEntry, offset: number): FreshEvent => ({
  record: { topic: 'partybuild.test', partition: 0, offset: String(offset), key: e.subject, value: JSON.stringify(e) },
  event: e,
  handler,
});

/** Counts into the tally; refuses the aggregate named `bad` with a database error of its own. */
const counting: HandlerEntry = {
  versions: [1],
  handle: async (e, manager) => {
    if (e.subject === 'bad') await manager.query(`SELECT 1/0`);
    await addToTally(manager, e);
  },
};

describe('apply strategies', () => {
  let dataSource: DataSource;
  beforeAll(async () => {
    dataSource = await openDataSource({ url: await freshDatabase(), entities: [], migrations: [] });
    await createTallyTable(dataSource);
  });
  afterAll(() => dataSource?.destroy());
  beforeEach(() => dataSource.query('TRUNCATE tally'));

  it('in runs: hands consecutive events of a set-based handler over together, and the others one by one', async () => {
    const runs: number[] = [];
    const setBased: HandlerEntry = {
      ...counting,
      handleMany: async (events, manager) => {
        runs.push(events.length);
        for (const e of events) await addToTally(manager, e);
      },
    };
    const events = [
      fresh(event('a', 1), setBased, 1),
      fresh(event('a', 2), setBased, 2),
      fresh(event('b', 1), counting, 3),
      fresh(event('a', 3), setBased, 4),
    ];
    const outcome = await dataSource.transaction((m) => applyInRuns(events, m, () => Promise.resolve(0)));
    expect(runs).toEqual([2, 1]);
    expect(outcome.applied.map((e) => e.id)).toEqual(events.map((e) => e.event.id));
    expect(await readTally(dataSource)).toEqual({ a: 3, b: 1 });
  });

  it('in runs: a failing handler rejects the batch with the event and the original error as its cause', async () => {
    const bad = event('bad', 1);
    const failure = await dataSource
      .transaction((m) => applyInRuns([fresh(event('a', 1), counting, 1), fresh(bad, counting, 2)], m, () => Promise.resolve(0)))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(HandlerFailed);
    expect((failure as HandlerFailed).event.id).toBe(bad.id);
    expect((failure as HandlerFailed).message).toMatch(/division by zero/);
    expect(((failure as HandlerFailed).cause as { code?: string }).code).toBe('22012'); // PostgreSQL's own error
    expect(await readTally(dataSource)).toEqual({}); // the whole transaction rolled back
  });

  it('one by one: parks the failing event with its reason and keeps the others', async () => {
    const parked: Array<[string, string]> = [];
    const park = async (record: FreshEvent['record'], reason: string) => (parked.push([record.offset, reason]), 1);
    const events = [fresh(event('a', 1), counting, 1), fresh(event('bad', 1), counting, 2), fresh(event('b', 1), counting, 3)];
    const outcome = await dataSource.transaction((m: EntityManager) => applyOneByOne(events, m, park));
    expect(outcome.parked).toBe(1);
    expect(outcome.applied.map((e) => e.subject)).toEqual(['a', 'b']);
    expect(parked).toEqual([['2', 'handler failed: division by zero']]);
    expect(await readTally(dataSource)).toEqual({ a: 1, b: 1 });
  });
});
