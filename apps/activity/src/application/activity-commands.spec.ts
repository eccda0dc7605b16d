import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Role } from '@partybuild/auth';
import { createEnvelope } from '@partybuild/events';
import { openDataSource } from '@partybuild/persistence';
import { freshDatabase, organizationSnapshot } from '@partybuild/testing';
import { activityEntities } from '../entities';
import { activityMigrations } from '../migrations';
import { organizationHandlers } from '../projections/committee-projection';
import { memberHandlers } from '../projections/member-projection';
import { ActivityType, AttendanceStatus } from '../domain/activity-type';
import { ActivityCommands } from './activity-commands';
import { MemberArrivals } from './member-arrivals';
import { UnitOfWork } from '@partybuild/persistence';

const admin = { subject: 'admin', name: 'admin', roles: [Role.DISTRICT_ADMIN], scope: [] };
const org = (id: string, parentId: string | null, kind: string) => organizationSnapshot(id, parentId, kind);

describe('activity commands on a real PostgreSQL', () => {
  let dataSource: DataSource;
  let commands: ActivityCommands;
  const [root, branch] = [randomUUID(), randomUUID()];
  const members = Array.from({ length: 3 }, () => randomUUID());
  const apply = async (
    handlers: typeof memberHandlers,
    service: string,
    type: string,
    path: string[],
    data: Record<string, unknown>,
    time?: string,
  ) => {
    const envelope = createEnvelope(service, {
      type,
      aggregateId: path[path.length - 1],
      organizationId: null,
      organizationPath: path,
      actor: 't',
      data,
    });
    if (time) envelope.time = time;
    await dataSource.transaction((m) => handlers[type].handle(envelope as never, m));
  };

  beforeAll(async () => {
    dataSource = await openDataSource({ url: await freshDatabase(), entities: activityEntities, migrations: activityMigrations });
    commands = new ActivityCommands(new UnitOfWork(dataSource), () => '2026-11-22');
    await apply(organizationHandlers, 'organization', 'organization.created', [root], {
      organization: org(root, null, 'WORKING_COMMITTEE'),
    });
    await apply(organizationHandlers, 'organization', 'organization.created', [root, branch], {
      organization: org(branch, root, 'BRANCH'),
    });
    for (const id of members) {
      await apply(memberHandlers, 'membership', 'membership.member.registered', [id], {
        member: { id, organizationId: branch, partyGroupId: null, stage: 'FULL', status: 'ACTIVE', votingRights: true },
      });
    }
  });
  afterAll(() => dataSource?.destroy());

  it('records a held meeting with its attendance and its events in one transaction', async () => {
    const activity = await commands.record(admin, {
      organizationId: branch,
      type: ActivityType.GENERAL_MEETING,
      record: { heldOn: '2026-11-01', topic: '党员大会' },
      attendance: { entries: [{ memberId: members[0], status: AttendanceStatus.PRESENT }], othersAbsent: true },
    });
    expect(activity).toMatchObject({ expected: 3, present: 1, absent: 2, votingMembers: 3, votingAttending: 1 });
    const events = await dataSource.query(`SELECT envelope->>'type' AS type FROM outbox ORDER BY position`);
    expect(events.map((e: { type: string }) => e.type)).toEqual(['activity.held', 'activity.attendance-recorded']);
  });

  it('keeps the newer member snapshot when an older event arrives late', async () => {
    const id = members[2];
    await apply(
      memberHandlers,
      'membership',
      'membership.member.status-changed',
      [id],
      {
        member: { id, organizationId: branch, partyGroupId: null, stage: 'FULL', status: 'DECEASED', votingRights: false },
      },
      '2099-01-01T00:00:00.000Z',
    );
    await apply(
      memberHandlers,
      'membership',
      'membership.member.updated',
      [id],
      {
        member: { id, organizationId: branch, partyGroupId: null, stage: 'FULL', status: 'ACTIVE', votingRights: true },
      },
      '2026-01-01T00:00:00.000Z',
    );
    const [row] = await dataSource.query(`SELECT status FROM member WHERE id = $1`, [id]);
    expect(row.status).toBe('DECEASED');
    await expect(
      commands.record(admin, {
        organizationId: branch,
        type: ActivityType.STUDY,
        record: { heldOn: '2026-11-02', topic: '学习' },
        attendance: { entries: [{ memberId: id, status: AttendanceStatus.PRESENT }] },
      }),
    ).rejects.toMatchObject({ code: 'MEMBER_NOT_IN_HOST' });
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM activity WHERE type = 'STUDY'`);
    expect(n).toBe(0);
  });

  describe('a meeting naming a member whose registration has not arrived yet', () => {
    const waiting = () =>
      new ActivityCommands(new UnitOfWork(dataSource), () => '2026-11-22', undefined, new MemberArrivals(dataSource, 1_500));
    const registered = (id: string) =>
      apply(memberHandlers, 'membership', 'membership.member.registered', [id], {
        member: { id, organizationId: branch, partyGroupId: null, stage: 'FULL', status: 'ACTIVE', votingRights: true },
      });
    const meeting = (memberId: string, topic: string) => ({
      organizationId: branch,
      type: ActivityType.STUDY,
      record: { heldOn: '2026-11-03', topic },
      attendance: { entries: [{ memberId, status: AttendanceStatus.PRESENT }] },
    });

    it('waits for the membership event and records the meeting once it has arrived', async () => {
      const newcomer = randomUUID();
      const started = Date.now();
      const arrives = new Promise((resolve) => setTimeout(resolve, 400)).then(() => registered(newcomer));
      const activity = await waiting().record(admin, meeting(newcomer, '新党员参加的小组会'));
      await arrives;
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
      expect(activity).toMatchObject({ present: 1 });
    });

    it('refuses with its own code once the wait is over, naming the wait, and writes nothing', async () => {
      const never = randomUUID();
      const started = Date.now();
      const refusal = await waiting()
        .record(admin, meeting(never, '未同步党员参加的小组会'))
        .catch((e) => e);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
      expect(refusal).toMatchObject({ code: 'MEMBER_NOT_YET_KNOWN', details: { memberIds: [never] } });
      expect(refusal.message).toContain('已等待 1.5 秒');
      const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM activity WHERE topic = '未同步党员参加的小组会'`);
      expect(n).toBe(0);
    });

    it('does not wait for members it knows, even when they belong elsewhere', async () => {
      const started = Date.now();
      await expect(waiting().record(admin, meeting(members[2], '已故党员'))).rejects.toMatchObject({ code: 'MEMBER_NOT_IN_HOST' });
      expect(Date.now() - started).toBeLessThan(1_000);
    });

    it('does not wait when the meeting is refused for another reason first (a cadre outside the branch, a date in the future)', async () => {
      const elsewhere = { subject: 'cadre', name: 'cadre', roles: [Role.PARTY_CADRE], scope: [randomUUID()] };
      const started = Date.now();
      await expect(waiting().record(elsewhere, meeting(randomUUID(), '越权登记'))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        waiting().record(admin, { ...meeting(randomUUID(), '未来的会'), record: { heldOn: '2026-12-30', topic: '未来的会' } }),
      ).rejects.toMatchObject({ code: 'HELD_IN_FUTURE' });
      expect(Date.now() - started).toBeLessThan(1_000);
    });
  });
});
