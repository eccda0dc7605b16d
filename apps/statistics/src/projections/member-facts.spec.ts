import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { MEMBERSHIP_SCHEMA_VERSION, MemberSnapshot, MembershipEventType } from '@partybuild/contracts';
import { EventEnvelope, createEnvelope } from '@partybuild/events';
import { openDataSource } from '@partybuild/persistence';
import { freshDatabase, memberSnapshot as member } from '@partybuild/testing';
import { statisticsMigrations } from '../migrations';
import { memberFactHandlers } from './member-facts';

const event = (type: string, m: MemberSnapshot, extra: Record<string, unknown> = {}): EventEnvelope =>
  createEnvelope('membership', {
    type,
    aggregateId: m.id,
    organizationId: m.organizationId,
    organizationPath: [],
    actor: 'test',
    schemaVersion: MEMBERSHIP_SCHEMA_VERSION,
    data: { member: m, ...extra },
  });

/** A replay applies membership events in runs: the result must be the one of applying them one by one. */
describe('membership facts applied as a run', () => {
  let oneByOne: DataSource;
  let asRun: DataSource;

  beforeAll(async () => {
    [oneByOne, asRun] = await Promise.all(
      [0, 1].map(async () => openDataSource({ url: await freshDatabase(), entities: [], migrations: statisticsMigrations })),
    );
  });
  afterAll(() => Promise.all([oneByOne?.destroy(), asRun?.destroy()]));

  const tables = (ds: DataSource) =>
    Promise.all([
      ds.query(`SELECT * FROM stat_member ORDER BY member_id`),
      ds.query(`SELECT * FROM stat_dues_payment ORDER BY event_id`),
      ds.query(`SELECT * FROM stat_transfer ORDER BY transfer_id`),
    ]);

  it('keeps each member as their last event says, every payment and every transfer once', async () => {
    const [branch, other] = [randomUUID(), randomUUID()];
    const a = member(branch);
    const b = member(branch, { gender: 'MALE', stage: 'PROBATIONARY', fullMemberSince: null });
    const paid = (m: MemberSnapshot, months: string[]) =>
      event(MembershipEventType.DUES_PAID, m, {
        months,
        amountFen: 1000 * months.length,
        paidOn: '2026-03-05',
        amountsFen: months.map(() => 1000),
      });
    const payment = paid(a, ['2026-01', '2026-02']);
    const movedA = { ...a, organizationId: other };
    const events = [
      event(MembershipEventType.REGISTERED, a),
      event(MembershipEventType.REGISTERED, b),
      payment,
      paid(b, ['2026-01']),
      event(MembershipEventType.STAGE_CHANGED, { ...b, stage: 'FULL', fullMemberSince: '2026-02-01' }),
      payment, // delivered twice: kept once
      event(MembershipEventType.TRANSFERRED, movedA, {
        transferId: randomUUID(),
        fromOrganizationId: branch,
        toOrganizationId: other,
        on: '2026-03-10',
        outOfDistrict: false,
      }),
      paid(movedA, ['2026-03']),
      event(MembershipEventType.STATUS_CHANGED, { ...b, stage: 'FULL', fullMemberSince: '2026-02-01', status: 'DECEASED' }),
    ];
    await oneByOne.transaction(async (manager) => {
      for (const e of events) await memberFactHandlers[e.type].handle(e, manager);
    });
    const run = memberFactHandlers[MembershipEventType.REGISTERED].handleMany!;
    for (const e of events) expect(memberFactHandlers[e.type].handleMany).toBe(run); // one run, never cut by a payment
    await asRun.transaction((manager) => run(events, manager));

    const [members, payments, transfers] = await tables(asRun);
    expect(await tables(oneByOne)).toEqual([members, payments, transfers]);
    expect(members.map((m: { organization_id: string; status: string }) => [m.organization_id, m.status]).sort()).toEqual(
      [
        [other, 'ACTIVE'],
        [branch, 'DECEASED'],
      ].sort(),
    );
    expect(payments).toHaveLength(3);
    expect(transfers).toHaveLength(1);
  });
});
