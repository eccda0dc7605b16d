import type { EntityManager } from 'typeorm';
import {
  DuesPaidData,
  MEMBERSHIP_EVENT_VERSIONS,
  MemberEventData,
  MemberSnapshot,
  MembershipEventType,
  TransferredData,
} from '@partybuild/contracts';
import type { EventEnvelope, EventHandler, HandlerEntry } from '@partybuild/events';

const MEMBER_COLUMNS = `member_id uuid, organization_id uuid, stage text, status text, category text, gender text, birth_date date,
  education text, joined_on date, full_member_since date, monthly_due_fen integer, dues_start_month text, monthly_dues jsonb`;

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
  const latest = new Map<string, Record<string, unknown>>();
  for (const event of events) {
    const { member: m } = event.data as unknown as MemberEventData;
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
      ...duesOf(m),
    });
  }
  await manager.query(
    `INSERT INTO stat_member SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(${MEMBER_COLUMNS})
     ON CONFLICT (member_id) DO UPDATE SET organization_id = EXCLUDED.organization_id, stage = EXCLUDED.stage,
       status = EXCLUDED.status, category = EXCLUDED.category, gender = EXCLUDED.gender, birth_date = EXCLUDED.birth_date,
       education = EXCLUDED.education, joined_on = EXCLUDED.joined_on, full_member_since = EXCLUDED.full_member_since,
       monthly_due_fen = EXCLUDED.monthly_due_fen, dues_start_month = EXCLUDED.dues_start_month, monthly_dues = EXCLUDED.monthly_dues`,
    [JSON.stringify([...latest.values()])],
  );
}

const upsertMember = (event: EventEnvelope, manager: EntityManager) => upsertMembers([event], manager);

async function recordTransfer(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const t = event.data as unknown as TransferredData;
  await upsertMember(event, manager);
  await manager.query(
    `INSERT INTO stat_transfer (transfer_id, member_id, from_organization_id, to_organization_id, transferred_on, out_of_district)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (transfer_id) DO NOTHING`,
    [t.transferId, t.member.id, t.fromOrganizationId, t.toOrganizationId, t.on, t.outOfDistrict],
  );
}

async function recordDues(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const d = event.data as unknown as DuesPaidData;
  await upsertMember(event, manager);
  await manager.query(
    `INSERT INTO stat_dues_payment (event_id, member_id, organization_id, months, amount_fen, paid_on, amounts_fen)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (event_id) DO NOTHING`,
    [event.id, d.member.id, d.member.organizationId, d.months, d.amountFen, d.paidOn, d.amountsFen ?? null],
  );
}

const versions = [...MEMBERSHIP_EVENT_VERSIONS];
const single = (handle: EventHandler) => ({ versions, handle });
const member = { versions, handle: upsertMember, handleMany: upsertMembers };

export const memberFactHandlers: Record<string, HandlerEntry> = {
  [MembershipEventType.REGISTERED]: member,
  [MembershipEventType.UPDATED]: member,
  [MembershipEventType.STAGE_CHANGED]: member,
  [MembershipEventType.STATUS_CHANGED]: member,
  [MembershipEventType.TRANSFERRED]: single(recordTransfer),
  [MembershipEventType.DUES_PAID]: single(recordDues),
};
