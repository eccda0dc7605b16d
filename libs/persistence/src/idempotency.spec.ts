import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { freshDatabase } from '@partybuild/testing';
import { DomainError } from '@partybuild/errors';
import { openDataSource } from './data-source';
import { createOnce, idempotencyMigrations, runOnce } from './idempotency';

let db: DataSource;
beforeAll(async () => {
  db = await openDataSource({ url: await freshDatabase(), entities: [], migrations: idempotencyMigrations, poolSize: 12 });
  await db.query('CREATE TABLE made (id text PRIMARY KEY)');
});
afterAll(() => db?.destroy());

const scope = (key: string) => ({ caller: 'secretary-1', operation: 'recordActivity', key });
const make = (manager: { query: (q: string, p: unknown[]) => Promise<unknown> }) => async () => {
  const id = randomUUID();
  await manager.query('INSERT INTO made (id) VALUES ($1)', [id]);
  return id;
};

describe('runOnce', () => {
  it('ten concurrent repeats of one request create one record and all get its id', async () => {
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 10 }, () => db.transaction((m) => runOnce(m, scope(key), { topic: '学习' }, make(m)))),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.repeated)).toHaveLength(1);
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM made WHERE id = $1', [results[0].id]);
    expect(count).toBe(1);
  });

  it('refuses the same key with a different input, and keys are per caller', async () => {
    const key = randomUUID();
    await db.transaction((m) => runOnce(m, scope(key), { topic: 'a' }, make(m)));
    await expect(db.transaction((m) => runOnce(m, scope(key), { topic: 'b' }, make(m)))).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
    });
    const other = await db.transaction((m) => runOnce(m, { ...scope(key), caller: 'secretary-2' }, { topic: 'b' }, make(m)));
    expect(other.repeated).toBe(false);
  });

  it('treats inputs with the same fields in another order as the same request', async () => {
    const key = randomUUID();
    const first = await db.transaction((m) => runOnce(m, scope(key), { a: 1, b: [1, 2] }, make(m)));
    const again = await db.transaction((m) => runOnce(m, scope(key), { b: [1, 2], a: 1 }, make(m)));
    expect(again).toEqual({ id: first.id, repeated: true });
  });

  it('a failed first attempt records nothing, so the retry does the work', async () => {
    const key = randomUUID();
    await expect(db.transaction((m) => runOnce(m, scope(key), {}, async () => Promise.reject(new Error('boom'))))).rejects.toThrow('boom');
    const retry = await db.transaction((m) => runOnce(m, scope(key), {}, make(m)));
    expect(retry.repeated).toBe(false);
  });

  it('refuses an empty or overlong key with a coded error', async () => {
    const error = await db.transaction((m) => runOnce(m, scope(''), {}, make(m))).catch((e) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error.code).toBe('IDEMPOTENCY_KEY_INVALID');
    await expect(db.transaction((m) => runOnce(m, scope('x'.repeat(201)), {}, make(m)))).rejects.toMatchObject({
      code: 'IDEMPOTENCY_KEY_INVALID',
    });
  });
});

describe('createOnce', () => {
  it('gives the first request what it made and a repeat the same thing read back', async () => {
    const key = randomUUID();
    const create = (m: Parameters<typeof make>[0]) => async (): Promise<{ id: string; fresh: boolean }> => ({
      id: await make(m)(),
      fresh: true,
    });
    const run = () =>
      db.transaction((m) =>
        createOnce(
          m,
          scope(key),
          { topic: '学习' },
          create(m),
          (made) => made.id,
          async (id) => ({ id, fresh: false }),
        ),
      );
    const first = await run();
    const again = await run();
    expect(first.fresh).toBe(true);
    expect(again).toEqual({ id: first.id, fresh: false });
  });
});
