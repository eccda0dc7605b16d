import type { EntityManager } from 'typeorm';
import { DuesPaidData, MemberEventData, MembershipEventType, TransferredData } from '@partybuild/contracts';
import type { EventEnvelope, EventHandler } from '@partybuild/events';

/** Every membership event carries the member as of the event: keep the latest. */
async function upsertMember(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const { member: m } = event.data as unknown as MemberEventData;
  await manager.query(
    `INSERT INTO stat_member (member_id, organization_id, stage, status, category, gender, birth_date, education, joined_on,
                              full_member_since, monthly_due_fen)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     ON CONFLICT (member_id) DO UPDATE SET organization_id = EXCLUDED.organization_id, stage = EXCLUDED.stage,
       status = EXCLUDED.status, category = EXCLUDED.category, gender = EXCLUDED.gender, birth_date = EXCLUDED.birth_date,
       education = EXCLUDED.education, joined_on = EXCLUDED.joined_on, full_member_since = EXCLUDED.full_member_since,
       monthly_due_fen = EXCLUDED.monthly_due_fen`,
    [
      m.id,
      m.organizationId,
      m.stage,
      m.status,
      m.category,
      m.gender,
      m.birthDate,
      m.education,
      m.joinedOn,
      m.fullMemberSince,
      m.monthlyDueFen ?? null,
    ],
  );
}

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
    `INSERT INTO stat_dues_payment (event_id, member_id, organization_id, months, amount_fen, paid_on)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING`,
    [event.id, d.member.id, d.member.organizationId, d.months, d.amountFen, d.paidOn],
  );
}

const v1 = (handle: EventHandler) => ({ versions: [1], handle });

export const memberFactHandlers = {
  [MembershipEventType.REGISTERED]: v1(upsertMember),
  [MembershipEventType.UPDATED]: v1(upsertMember),
  [MembershipEventType.STAGE_CHANGED]: v1(upsertMember),
  [MembershipEventType.STATUS_CHANGED]: v1(upsertMember),
  [MembershipEventType.TRANSFERRED]: v1(recordTransfer),
  [MembershipEventType.DUES_PAID]: v1(recordDues),
};
