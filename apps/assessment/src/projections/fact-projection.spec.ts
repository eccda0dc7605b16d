import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createEnvelope, understands } from '@partybuild/events';
import { openDataSource } from '@partybuild/persistence';
import { freshDatabase } from '@partybuild/testing';
import { assessmentMigrations } from '../migrations';
import { rulesForYear } from '../reference/assessment-rules';
import { factHandlers } from './fact-projection';

const handlers = factHandlers((year) => rulesForYear(year));

describe('fact projection', () => {
  let dataSource: DataSource;
  const branch = randomUUID();
  const member = randomUUID();
  const snapshot = (status: string) => ({
    id: member,
    organizationId: branch,
    partyGroupId: null,
    stage: 'FULL',
    status,
    category: 'IN_SERVICE',
    gender: 'MALE',
    birthDate: '1980-01-01',
    education: null,
    ethnicity: null,
    joinedOn: '2005-07-01',
    fullMemberSince: '2006-07-01',
    votingRights: true,
  });
  const apply = (type: string, data: object, time: string) => {
    const event = createEnvelope(type.split('.')[0], {
      type,
      aggregateId: member,
      organizationId: branch,
      organizationPath: [branch],
      actor: 't',
      data,
    });
    event.time = time;
    return dataSource.transaction((m) => handlers[type].handle(event as never, m));
  };

  beforeAll(async () => {
    dataSource = await openDataSource({ url: await freshDatabase(), entities: [], migrations: assessmentMigrations });
  });
  afterAll(() => dataSource?.destroy());

  it('keeps the newest member snapshot even when an older event arrives late', async () => {
    await apply('membership.member.status-changed', { member: snapshot('LOST_CONTACT') }, '2026-05-01T00:00:00.000Z');
    await apply('membership.member.registered', { member: snapshot('ACTIVE') }, '2026-01-01T00:00:00.000Z');
    const [row] = await dataSource.query(`SELECT status, joined_on::text AS joined FROM member WHERE id = $1`, [member]);
    expect(row).toEqual({ status: 'LOST_CONTACT', joined: '2005-07-01' });
  });

  it('records dues months and gives pioneer points only for months paid by their end, once', async () => {
    await apply(
      'membership.dues.paid',
      { member: snapshot('ACTIVE'), months: ['2026-03', '2026-04'], amountFen: 200, paidOn: '2026-04-10' },
      '2026-05-02T00:00:00.000Z',
    );
    await apply(
      'membership.dues.paid',
      { member: snapshot('ACTIVE'), months: ['2026-04'], amountFen: 100, paidOn: '2026-04-20' },
      '2026-05-03T00:00:00.000Z',
    );
    const dues = await dataSource.query(`SELECT month, paid_on::text AS paid FROM dues_fact WHERE member_id = $1 ORDER BY month`, [member]);
    expect(dues).toEqual([
      { month: '2026-03', paid: '2026-04-10' },
      { month: '2026-04', paid: '2026-04-10' },
    ]);
    const points = await dataSource.query(`SELECT fact, month, points::float AS points FROM pioneer_point WHERE member_id = $1`, [member]);
    expect(points).toEqual([{ fact: 'DUES_ON_TIME', month: '2026-04', points: 2 }]);
  });

  it('reads the dues payments membership publishes now (version 3, each month at its own due)', async () => {
    expect(understands(handlers['membership.dues.paid'].versions, 3, 'membership.dues.paid')).toBe(true);
    const event = createEnvelope('membership', {
      type: 'membership.dues.paid',
      aggregateId: member,
      organizationId: branch,
      organizationPath: [branch],
      actor: 't',
      schemaVersion: 3,
      data: {
        member: {
          ...snapshot('ACTIVE'),
          dues: {
            startMonth: '2005-07',
            monthlyDues: [
              { from: '2005-07', fen: 100 },
              { from: '2026-06', fen: 150 },
            ],
          },
        },
        months: ['2026-05', '2026-06'],
        amountFen: 250,
        amountsFen: [100, 150],
        paidOn: '2026-05-20',
      },
    });
    await dataSource.transaction((m) => handlers['membership.dues.paid'].handle(event as never, m));
    const dues = await dataSource.query(
      `SELECT month, paid_on::text AS paid FROM dues_fact WHERE member_id = $1 AND month >= '2026-05' ORDER BY month`,
      [member],
    );
    expect(dues).toEqual([
      { month: '2026-05', paid: '2026-05-20' },
      { month: '2026-06', paid: '2026-05-20' },
    ]);
    const points = await dataSource.query(
      `SELECT month FROM pioneer_point WHERE member_id = $1 AND fact = 'DUES_ON_TIME' AND month >= '2026-05' ORDER BY month`,
      [member],
    );
    expect(points).toEqual([{ month: '2026-05' }, { month: '2026-06' }]);
  });

  it('keeps each activity as of its latest event, with attendance counted', async () => {
    const id = randomUUID();
    const activity = (status: string, present: number) => ({
      activity: {
        id,
        type: 'GENERAL_MEETING',
        status,
        hostId: branch,
        hostPath: [branch],
        coHostIds: [],
        plannedOn: null,
        heldOn: '2026-05-12',
        period: '2026-05',
        businessLink: null,
        lecturerIsSecretary: false,
        attendance: { expected: 10, present, late: 1, excused: 0, absent: 9 - present },
      },
    });
    await apply('activity.attendance-recorded', activity('HELD', 7), '2026-05-12T10:00:00.000Z');
    await apply('activity.held', activity('HELD', 0), '2026-05-12T09:00:00.000Z');
    const [row] = await dataSource.query(`SELECT status, expected, attended FROM meeting_fact WHERE activity_id = $1`, [id]);
    expect(row).toEqual({ status: 'HELD', expected: 10, attended: 8 });
  });

  const applyAt = (type: string, data: object, time: string, schemaVersion: number) => {
    const event = createEnvelope(type.split('.')[0], {
      type,
      aggregateId: randomUUID(),
      organizationId: branch,
      organizationPath: [branch],
      actor: 't',
      data,
      schemaVersion,
    });
    event.time = time;
    expect(understands(handlers[type].versions, schemaVersion, type)).toBe(true);
    return dataSource.transaction((m) => handlers[type].handle(event as never, m));
  };
  const meeting = (id: string, heldOn: string) => ({
    id,
    type: 'PARTY_LECTURE',
    status: 'HELD',
    hostId: branch,
    hostPath: [branch],
    coHostIds: [],
    plannedOn: null,
    heldOn,
    period: heldOn.slice(0, 7),
    businessLink: null,
    lecturerIsSecretary: true,
    attendance: { expected: 3, present: 1, late: 1, excused: 0, absent: 1 },
  });
  const published = async () =>
    (await dataSource.query(`SELECT fact FROM published_fact ORDER BY fact`)).map((r: { fact: string }) => r.fact);

  it('credits each listed attendee once per meeting (version 3), and nobody from a version 2 count', async () => {
    const other = randomUUID();
    const old = randomUUID();
    await applyAt(
      'activity.attendance-recorded',
      { activity: meeting(old, '2026-06-02'), recorded: 2, quorum: null },
      '2026-06-02T10:00:00Z',
      2,
    );
    expect(await published()).not.toContain('MEETING_ATTENDED');
    const lecture = randomUUID();
    const data = { activity: meeting(lecture, '2026-06-09'), recorded: 2, quorum: null, attendeeIds: [member, other] };
    await applyAt('activity.attendance-recorded', data, '2026-06-09T10:00:00Z', 3);
    await applyAt('activity.attendance-recorded', { ...data, recorded: 1 }, '2026-06-09T11:00:00Z', 3);
    const points = await dataSource.query(
      `SELECT member_id AS "memberId", source_id AS source, month, points::float AS points FROM pioneer_point
       WHERE fact = 'MEETING_ATTENDED' ORDER BY member_id`,
      [],
    );
    expect(points).toEqual([member, other].sort().map((memberId) => ({ memberId, source: lecture, month: '2026-06', points: 1 })));
    expect(await published()).toContain('MEETING_ATTENDED');
  });

  it('keeps pairing work per organisation concerned and credits a fulfilled micro-wish to the member who claimed it', async () => {
    const helper = randomUUID();
    const wishId = randomUUID();
    const wish = (status: string, fulfilledOn: string | null) => ({
      wish: { id: wishId, organizationId: branch, status, postedOn: '2026-03-01', claimedBy: member, claimedOn: '2026-03-02', fulfilledOn },
    });
    expect(await published()).not.toContain('MICRO_WISH');
    await applyAt('pairing.wish.fulfilled', wish('FULFILLED', '2026-03-20'), '2026-03-20T08:00:00Z', 2);
    await applyAt('pairing.wish.claimed', wish('CLAIMED', null), '2026-03-02T08:00:00Z', 2);
    const service = {
      id: randomUUID(),
      pairId: randomUUID(),
      helperId: helper,
      helpedId: branch,
      type: 'LEGAL',
      deliveredOn: '2026-04-08',
      period: '2026-04',
      beneficiaries: 30,
      funds: 0,
      memberCount: 4,
    };
    await applyAt('pairing.service.recorded', { service }, '2026-04-08T08:00:00Z', 2);
    await applyAt(
      'pairing.visits.recorded',
      { batchId: randomUUID(), organizationId: branch, visits: 3, households: 3, firstDay: '2026-04-01', lastDay: '2026-04-02' },
      '2026-04-02T08:00:00Z',
      2,
    );
    const rows = await dataSource.query(
      `SELECT kind, organization_id AS org, status, done_on::text AS done FROM pairing_fact ORDER BY kind, organization_id`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { kind: 'WISH', org: branch, status: 'FULFILLED', done: '2026-03-20' },
        { kind: 'SERVICE', org: branch, status: 'DELIVERED', done: '2026-04-08' },
        { kind: 'SERVICE', org: helper, status: 'DELIVERED', done: '2026-04-08' },
      ]),
    );
    expect(rows).toHaveLength(3);
    const points = await dataSource.query(
      `SELECT month, points::float AS points FROM pioneer_point WHERE member_id = $1 AND fact = 'MICRO_WISH'`,
      [member],
    );
    expect(points).toEqual([{ month: '2026-03', points: 3 }]);
    expect(await published()).toContain('MICRO_WISH');
  });
});
