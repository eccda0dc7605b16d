import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';

/** Where a service keeps the log of personal data shown in clear: its own table, fixed in code (never input). */
export interface AccessLog {
  table: string;
  /** The column naming whose data was shown (a member, a micro-wish…). */
  subjectColumn: string;
}

/**
 * The statements that create a log `accessAudit` writes to, for the owning service's migration:
 * one row per subject shown in clear (a foreign key to `subjectTable`), who read it with which
 * roles, the fields, the purpose and the request.
 */
export const accessLogStatements = (log: AccessLog, subjectTable: string): string[] => [
  `CREATE TABLE ${log.table} (
     id bigserial PRIMARY KEY,
     ${log.subjectColumn} uuid NOT NULL REFERENCES ${subjectTable} (id),
     actor text NOT NULL,
     actor_roles text[] NOT NULL,
     fields text[] NOT NULL,
     purpose text NOT NULL,
     request_id text NOT NULL,
     accessed_at timestamptz NOT NULL DEFAULT now()
   )`,
  `CREATE INDEX ${log.table}_${log.subjectColumn.replace(/_id$/, '')} ON ${log.table} (${log.subjectColumn}, id)`,
];

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
