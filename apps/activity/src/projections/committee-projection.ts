import type { EntityManager } from 'typeorm';
import { OrganizationEventData, OrganizationEventType } from '@partybuild/contracts';
import type { EventEnvelope, EventHandler } from '@partybuild/events';
import { orgTreeHandlers } from '@partybuild/org-tree';

interface Seat {
  role: string;
  memberId: string | null;
  termStart: string | null;
  termEnd: string | null;
}

/**
 * Who sits on each committee (for the secretary's yearly lecture and committee meetings), from
 * `organization.committee-changed`: seats no longer listed end at the event's time, new ones start.
 */
async function replaceCommittee(event: EventEnvelope, manager: EntityManager): Promise<void> {
  const { organization } = event.data as unknown as OrganizationEventData;
  const seats = ((event.data as { committee?: Seat[] }).committee ?? []).map((s) => ({ ...s, memberId: s.memberId ?? null }));
  const key = (s: { role: string; memberId: string | null }) => `${s.role}|${s.memberId ?? ''}`;
  const current: Array<{ id: string; role: string; member_id: string | null }> = await manager.query(
    `SELECT id, role, member_id FROM committee_seat WHERE organization_id = $1 AND until IS NULL`,
    [organization.id],
  );
  const wanted = new Set(seats.map(key));
  const ended = current.filter((c) => !wanted.has(key({ role: c.role, memberId: c.member_id }))).map((c) => c.id);
  if (ended.length) await manager.query(`UPDATE committee_seat SET until = $2 WHERE id = ANY($1::bigint[])`, [ended, event.time]);
  const kept = new Set(current.map((c) => key({ role: c.role, memberId: c.member_id })));
  const added = seats.filter((s) => !kept.has(key(s)));
  if (added.length) {
    await manager.query(
      `INSERT INTO committee_seat (organization_id, member_id, role, term_start, term_end, since)
       SELECT $1::uuid, u.m, u.r, u.ts, u.te, $6::timestamptz FROM unnest($2::uuid[], $3::text[], $4::date[], $5::date[]) AS u(m, r, ts, te)`,
      [
        organization.id,
        added.map((s) => s.memberId),
        added.map((s) => s.role),
        added.map((s) => s.termStart),
        added.map((s) => s.termEnd),
        event.time,
      ],
    );
  }
}

/** The organisation tree (shared handlers) plus the committees. */
export const organizationHandlers: Record<string, { versions: number[]; handle: EventHandler }> = {
  ...orgTreeHandlers,
  [OrganizationEventType.COMMITTEE_CHANGED]: {
    versions: [1],
    handle: async (event, manager) => {
      await orgTreeHandlers[OrganizationEventType.COMMITTEE_CHANGED].handle(event, manager);
      await replaceCommittee(event, manager);
    },
  },
};
