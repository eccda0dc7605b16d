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
  /**
   * The same path as one string attribute, ids separated by `/` (empty when there is none):
   * CloudEvents attribute values cannot be lists, so brokers, routers and header-based filters
   * read this one. Since schema version 2.
   */
  organizationpathtext: string;
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

/**
 * The schema version new events carry unless their producer says otherwise. Version 2 of the
 * organisation and activity events added `organizationpathtext`; their data is that of
 * version 1. (Membership events were already at 2 for a data change, so their path text came
 * with 3; the membership contract says so.)
 */
export const CURRENT_SCHEMA_VERSION = 2;

/**
 * Per producer: versions a reader of an earlier version reads as is — only envelope attributes
 * were added, or a data field that reader may ignore (activity 3 lists attendees by id).
 */
const SAME_DATA_AS: Record<string, Record<number, number>> = {
  organization: { 2: 1 },
  activity: { 2: 1, 3: 2 },
  membership: { 3: 2 },
  pairing: { 3: 2 },
};

/**
 * The compatibility rule for consumers: a handler written for version n of a type also reads
 * every later version whose data is unchanged from n (an organisation event of version 2 reads
 * as 1); a version that changes the data is new to the handler until it declares it.
 */
export function understands(handledVersions: number[], schemaversion: number, type = ''): boolean {
  const same = SAME_DATA_AS[type.split('.')[0]] ?? {};
  for (let v: number | undefined = schemaversion; v !== undefined; v = same[v]) if (handledVersions.includes(v)) return true;
  return false;
}

/** The path as a CloudEvents string attribute. */
export const pathText = (path: string[]): string => path.join('/');

export function createEnvelope<T>(service: string, event: NewEvent<T>): EventEnvelope<T> {
  return {
    specversion: '1.0',
    id: randomUUID(),
    source: `partybuild/${service}`,
    type: event.type,
    subject: event.aggregateId,
    time: (event.occurredAt ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    schemaversion: event.schemaVersion ?? CURRENT_SCHEMA_VERSION,
    organizationid: event.organizationId,
    organizationpath: event.organizationPath,
    organizationpathtext: pathText(event.organizationPath),
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
  // A version-1 event has no text attribute: readers of version 2 find it derived from the list.
  if (typeof candidate.organizationpathtext !== 'string') candidate.organizationpathtext = pathText(candidate.organizationpath as string[]);
  return { ok: true, envelope: candidate as unknown as EventEnvelope };
}
