import { randomUUID } from 'node:crypto';

/**
 * Every domain event travels in this envelope. Attribute names follow CloudEvents 1.0
 * (`id`, `source`, `type`, `subject`, `time`, `datacontenttype`, `data`) so analytics tools
 * read it as is; our additions are CloudEvents extensions (lower-case, no separators).
 */
export interface EventEnvelope<T = Record<string, unknown>> {
  specversion: '1.0';
  id: string;
  source: string;
  /** `<service>.<aggregate?>.<what happened>`, e.g. `organization.moved`. */
  type: string;
  /** The aggregate id; also the message key, so one aggregate's events stay in order. */
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  schemaversion: number;
  /** The organisation the event concerns and its ancestors (root first, itself last) at that time. */
  organizationid: string | null;
  organizationpath: string[];
  /** Who caused it (the caller's subject), or `system`. */
  actor: string;
  data: T;
}

export interface NewEvent<T> {
  type: string;
  aggregateId: string;
  organizationId: string | null;
  organizationPath: string[];
  actor: string;
  data: T;
  schemaVersion?: number;
  occurredAt?: Date;
}

export function createEnvelope<T>(service: string, event: NewEvent<T>): EventEnvelope<T> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: `partybuild/${service}`,
    type: event.type,
    subject: event.aggregateId,
    time: (event.occurredAt ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    schemaversion: event.schemaVersion ?? 1,
    organizationid: event.organizationId,
    organizationpath: event.organizationPath,
    actor: event.actor,
    data: event.data,
  };
}

/** One topic per producing service: `partybuild.organization`, `partybuild.membership`, … */
export const topicForType = (type: string): string => `partybuild.${type.split('.')[0]}`;

export type ParsedEnvelope = { ok: true; envelope: EventEnvelope } | { ok: false; reason: string };

const requiredStrings = ['id', 'source', 'type', 'subject', 'time', 'actor'] as const;

/** Checks the shape of an incoming event; a malformed one is reported, never thrown. */
export function parseEnvelope(raw: string): ParsedEnvelope {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  if (typeof value !== 'object' || value === null) return { ok: false, reason: 'not an object' };
  const candidate = value as Record<string, unknown>;
  if (candidate.specversion !== '1.0') return { ok: false, reason: 'specversion is not 1.0' };
  for (const name of requiredStrings) {
    if (typeof candidate[name] !== 'string' || candidate[name] === '') return { ok: false, reason: `${name} is missing` };
  }
  if (!Number.isInteger(candidate.schemaversion)) return { ok: false, reason: 'schemaversion is not an integer' };
  if (!Array.isArray(candidate.organizationpath)) return { ok: false, reason: 'organizationpath is not a list' };
  if (typeof candidate.data !== 'object' || candidate.data === null) return { ok: false, reason: 'data is not an object' };
  return { ok: true, envelope: candidate as unknown as EventEnvelope };
}
