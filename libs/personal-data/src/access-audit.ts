import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';

/** Where a service keeps the log of personal data shown in clear: its own table, fixed in code (never input). */
export interface AccessLog {
  table: string;
  /** The column naming whose data was shown (a member, a micro-wish…). */
  subjectColumn: string;
}

/** Who read: kept with every read in clear. */
export interface Reader {
  subject: string;
  roles: readonly string[];
}

export interface ShownField {
  subjectId: string;
  field: string;
}

/**
 * The audit of one request's reads in clear. Each `load` records that a field of a subject was
 * shown; the request's reads are written in one insert (one row per subject, listing its fields)
 * before the value is given out — if the log cannot be written, the load fails and the caller
 * returns nothing.
 */
export function accessAudit(
  dataSource: DataSource,
  log: AccessLog,
  reader: Reader,
  requestId: string,
): DataLoader<ShownField, true, string> {
  return new DataLoader<ShownField, true, string>(
    async (keys) => {
      const fields = new Map<string, Set<string>>();
      for (const k of keys) fields.set(k.subjectId, (fields.get(k.subjectId) ?? new Set()).add(k.field));
      await dataSource.query(
        `INSERT INTO ${log.table} (${log.subjectColumn}, actor, actor_roles, fields, purpose, request_id)
         SELECT s, $2, $3::text[], string_to_array(f, ','), 'read', $5 FROM unnest($1::uuid[], $4::text[]) AS u(s, f)`,
        [[...fields.keys()], reader.subject, reader.roles, [...fields.values()].map((s) => [...s].sort().join(',')), requestId],
      );
      return keys.map(() => true as const);
    },
    { cacheKeyFn: (k) => `${k.subjectId}:${k.field}` },
  );
}
