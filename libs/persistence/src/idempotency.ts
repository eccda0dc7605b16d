import { createHash } from 'node:crypto';
import { MigrationInterface, QueryRunner, type EntityManager } from 'typeorm';
import { defineErrors } from '@partybuild/errors';

/** Who asked, for what, under which key: a key is only ever compared within one caller and operation. */
export interface IdempotencyScope {
  caller: string;
  operation: string;
  key: string;
}

export const IdempotencyErrors = defineErrors({
  IDEMPOTENCY_KEY_REUSED: (p: { operation: string }) => ({
    zh: `这个幂等键已用于一次内容不同的提交（${p.operation}）：同一次提交重试时请原样重发，新的提交请使用新的键。`,
    en: `This idempotency key was already used for a different ${p.operation} request; resend the same request to retry, or use a new key.`,
  }),
  IDEMPOTENCY_KEY_INVALID: (p: { maxLength: number }) => ({
    zh: `幂等键须为 1 至 ${p.maxLength} 个可见字符。`,
    en: `An idempotency key must be 1 to ${p.maxLength} visible characters.`,
  }),
});

const MAX_KEY_LENGTH = 200;

/**
 * Runs a create command once per key (a double-clicked save, a retried request): inside the
 * command's transaction, the first request does the work and records the id it created; a
 * repeat with the same key and the same input gets that id back without doing anything; the
 * same key with different input is refused, since it cannot be a retry. Concurrent repeats
 * wait on a transaction-scoped advisory lock, so exactly one of them creates.
 *
 * `input` is what the caller sent (it is fingerprinted, never stored); `create` returns the id
 * of what it made. With no key the work simply runs.
 */
export async function runOnce(
  manager: EntityManager,
  scope: IdempotencyScope | null,
  input: unknown,
  create: () => Promise<string>,
): Promise<{ id: string; repeated: boolean }> {
  if (!scope) return { id: await create(), repeated: false };
  assertValidKey(scope.key);
  const fingerprint = createHash('sha256').update(stableJson(input)).digest('hex');
  await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
    `${scope.caller}\u001f${scope.operation}\u001f${scope.key}`,
  ]);
  const [seen] = await manager.query(
    'SELECT result_id, fingerprint FROM idempotency_key WHERE caller = $1 AND operation = $2 AND key = $3',
    [scope.caller, scope.operation, scope.key],
  );
  if (seen) {
    if (seen.fingerprint !== fingerprint) throw IdempotencyErrors.IDEMPOTENCY_KEY_REUSED({ operation: scope.operation });
    return { id: seen.result_id, repeated: true };
  }
  const id = await create();
  await manager.query('INSERT INTO idempotency_key (caller, operation, key, fingerprint, result_id) VALUES ($1, $2, $3, $4, $5)', [
    scope.caller,
    scope.operation,
    scope.key,
    fingerprint,
    id,
  ]);
  return { id, repeated: false };
}

/**
 * runOnce for a command that returns what it made: the first request gets what `create`
 * returned, a repeat gets the same thing read back by `load` from the id recorded then.
 */
export async function createOnce<T>(
  manager: EntityManager,
  scope: IdempotencyScope | null,
  input: unknown,
  create: () => Promise<T>,
  idOf: (made: T) => string,
  load: (id: string) => Promise<T>,
): Promise<T> {
  let made: T | undefined;
  const { id, repeated } = await runOnce(manager, scope, input, async () => {
    made = await create();
    return idOf(made);
  });
  return repeated ? load(id) : (made as T);
}

function assertValidKey(key: string): void {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw IdempotencyErrors.IDEMPOTENCY_KEY_INVALID({ maxLength: MAX_KEY_LENGTH }, { field: 'idempotencyKey' });
  }
}

/** JSON with sorted keys, so the same input always has the same fingerprint. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** The table every service with create mutations keeps beside its own. */
export class CreateIdempotencyKeys1767225700000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1767225700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE idempotency_key (
        caller text NOT NULL,
        operation text NOT NULL,
        key text NOT NULL,
        fingerprint text NOT NULL,
        result_id text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (caller, operation, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idempotency_key');
  }
}

export const idempotencyMigrations = [CreateIdempotencyKeys1767225700000];
