import type { EntityManager } from 'typeorm';
import {
  DuesPaidData,
  MEMBERSHIP_EVENT_VERSIONS,
  MemberEventData,
  MemberSnapshot,
  MembershipEventType,
  TransferredData,
} from '@partybuild/contracts';
import type { EventEnvelope, HandlerEntry } from '@partybuild/events';

/** stat_member's columns with the array type each is sent as (one array per column: unnest is cheaper than JSON records). */
const MEMBER_COLUMNS = [
  ['member_id', 'uuid'],
  ['organization_id', 'uuid'],
  ['stage', 'text'],
  ['status', 'text'],
  ['category', 'text'],
  ['gender', 'text'],
  ['birth_date', 'date'],
  ['education', 'text'],
  ['joined_on', 'date'],
  ['full_member_since', 'date'],
  ['monthly_due_fen', 'integer'],
  ['dues_start_month', 'text'],
  ['monthly_dues', 'jsonb'],
] as const;

/**
 * The member's dues start and history: from `dues` since schema version 2; for a version 1
 * event, from the month they joined at the due it announces (the documented compatibility rule).
 */
function duesOf(m: MemberSnapshot): { dues_start_month: string | null; monthly_dues: Array<{ from: string; fen: number }> } {
  if (m.dues !== undefined) return { dues_start_month: m.dues?.startMonth ?? null, monthly_dues: m.dues?.monthlyDues ?? [] };
  const start = m.joinedOn && m.monthlyDueFen != null ? m.joinedOn.slice(0, 7) : null;
  return { dues_start_month: start, monthly_dues: start ? [{ from: start, fen: m.monthlyDueFen! }] : [] };
}

/**
 * Every membership event carries the member as of the event: keep the latest. A run of
 * events is written with one statement, the last event of each member winning.
 */
async function upsertMembers(events: EventEnvelope[], manager: EntityManager): Promise<void> {
  type Column = (typeof MEMBER_COLUMNS)[number][0];
  const latest = new Map<string, Record<Column, unknown>>();
  for (const event of events) {
    const { member: m } = event.data as unknown as MemberEventData;
    const dues = duesOf(m);
    latest.set(m.id, {
      member_id: m.id,
      organization_id: m.organizationId,
      stage: m.stage,
      status: m.status,
      category: m.category,
      gender: m.gender,
      birth_date: m.birthDate,
      education: m.education,
      joined_on: m.joinedOn,
      full_member_since: m.fullMemberSince,
      monthly_due_fen: m.monthlyDueFen ?? null,
      dues_start_month: dues.dues_start_month,
      monthly_dues: JSON.stringify(dues.monthly_dues),
    });
  }
  const rows = [...latest.values()];
  const names = MEMBER_COLUMNS.map(([name]) => name);
  await manager.query(
    `INSERT INTO stat_member (${names.join(', ')})
     SELECT * FROM unnest(${MEMBER_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})
     ON CONFLICT (member_id) DO UPDATE SET ${names
       .filter((name) => name !== 'member_id')
       .map((name) => `${name} = EXCLUDED.${name}`)
       .join(', ')}`,
    names.map((name) => rows.map((row) => row[name])),
  );
}

/** Transfers of a run, each kept once. */
async function recordTransfers(events: EventEnvelope[], manager: EntityManager): Promise<void> {
  if (!events.length) return;
  const rows = events.map((event) => {
    const t = event.data as unknown as TransferredData;
    return [t.transferId, t.member.id, t.fromOrganizationId, t.toOrganizationId, t.on, t.outOfDistrict] as const;
  });
  await manager.query(
    `INSERT INTO stat_transfer (transfer_id, member_id, from_organization_id, to_organization_id, transferred_on, out_of_district)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::date[], $6::boolean[]) ON CONFLICT (transfer_id) DO NOTHING`,
    [0, 1, 2, 3, 4, 5].map((i) => rows.map((r) => r[i])),
  );
}

/** Dues payments of a run, each kept once (by its event). */
async function recordDues(events: EventEnvelope[], manager: EntityManager): Promise<void> {
  if (!events.length) return;
  const rows = events.map((event) => {
    const d = event.data as unknown as DuesPaidData;
    return {
      event_id: event.id,
      member_id: d.member.id,
      organization_id: d.member.organizationId,
      months: d.months,
      amount_fen: d.amountFen,
      paid_on: d.paidOn,
      amounts_fen: d.amountsFen ?? null,
    };
  });
  await manager.query(
    `INSERT INTO stat_dues_payment (event_id, member_id, organization_id, months, amount_fen, paid_on, amounts_fen)
     SELECT * FROM jsonb_to_recordset($1::jsonb)
       AS x(event_id text, member_id uuid, organization_id uuid, months text[], amount_fen bigint, paid_on date, amounts_fen bigint[])
     ON CONFLICT (event_id) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}

/**
 * A run of membership events of any type in three statements: every event carries its member
 * (the last of each member wins, as applied one by one), payments and transfers are added once
 * each. One handler for all types, so a replay's runs are not cut by every payment between
 * registrations.
 */
async function applyMembershipRun(events: EventEnvelope[], manager: EntityManager): Promise<void> {
  await upsertMembers(events, manager);
  await recordDues(
    events.filter((e) => e.type === MembershipEventType.DUES_PAID),
    manager,
  );
  await recordTransfers(
    events.filter((e) => e.type === MembershipEventType.TRANSFERRED),
    manager,
  );
}

const versions = [...MEMBERSHIP_EVENT_VERSIONS];
const entry: HandlerEntry = { versions, handle: (event, manager) => applyMembershipRun([event], manager), handleMany: applyMembershipRun };

export const memberFactHandlers: Record<string, HandlerEntry> = Object.fromEntries(
  Object.values(MembershipEventType).map((type) => [type, entry]),
);
