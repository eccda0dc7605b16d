import { randomUUID } from 'node:crypto';
import { Caller, Role } from '@partybuild/auth';
import { MEMBERSHIP_TOPIC, MembershipEventType, MemberSnapshot } from '@partybuild/contracts';
import { createEnvelope } from '@partybuild/events';
import { eventually } from '@partybuild/testing';
import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';
import type { GraphQLResult } from '../dev/graphql-client';

const member = (id: string, organizationId: string): MemberSnapshot => ({
  id,
  organizationId,
  partyGroupId: null,
  stage: 'FULL',
  status: 'ACTIVE',
  category: 'IN_SERVICE',
  gender: 'MALE',
  birthDate: '1980-01-01',
  education: null,
  ethnicity: null,
  joinedOn: '2010-07-01',
  fullMemberSince: '2011-07-01',
  votingRights: true,
});

const RECORD = `mutation($input: RecordActivityInput!, $key: String) {
  recordActivity(input: $input, idempotencyKey: $key) { id coHostIds pendingCoHostIds attendanceCounts { expected present } }
}`;
const ATTEND = `mutation($id: ID!, $attendance: AttendanceInput!) { recordAttendance(activityId: $id, attendance: $attendance) { attendanceCounts { present } } }`;
const CONFIRM = `mutation($id: ID!, $org: ID!) { confirmCoHosting(activityId: $id, organizationId: $org) { coHostIds pendingCoHostIds } }`;

describe('activities: co-hosts, repeats, idempotency and impossible dates, through the gateway', () => {
  let stack: TestStack;
  let host: string, partner: string, committeeA: string, committeeB: string;
  const hostMembers = [randomUUID(), randomUUID()];
  const partnerMembers = [randomUUID(), randomUUID()];
  const cadreA = (): Caller => ({ subject: 'cadre-a', name: '甲党委组织委员', roles: [Role.PARTY_CADRE], scope: [committeeA] });
  const cadreB = (): Caller => ({ subject: 'cadre-b', name: '乙党委组织委员', roles: [Role.PARTY_CADRE], scope: [committeeB] });
  const activityRows = async () => Number((await stack.services.activity.dataSource.query(`SELECT count(*)::int AS n FROM activity`))[0].n);
  /** A request with the headers a browser would send on a retried save. */
  const send = async (caller: Caller, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${stack.tokenFor(caller)}`, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { ...((await response.json()) as object), status: response.status } as GraphQLResult<any>;
  };
  const meeting = (topic: string, extra: Record<string, unknown> = {}) => ({
    organizationId: host,
    type: 'THEMED_PARTY_DAY',
    record: { heldOn: '2026-11-20', topic },
    ...extra,
  });

  beforeAll(async () => {
    stack = await startTestStack();
    const root = await createOrg(stack, { code: 'Q', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    committeeA = await createOrg(stack, { code: 'Q-A', name: '甲局机关党委', kind: 'PARTY_COMMITTEE', parentId: root });
    committeeB = await createOrg(stack, { code: 'Q-B', name: '乙镇党委', kind: 'PARTY_COMMITTEE', parentId: root });
    host = await createOrg(stack, { code: 'Q-A-01', name: '甲局第一党支部', kind: 'BRANCH', parentId: committeeA });
    partner = await createOrg(stack, { code: 'Q-B-01', name: '乙镇某村党支部', kind: 'BRANCH', parentId: committeeB });
    const people = [...hostMembers.map((id) => member(id, host)), ...partnerMembers.map((id) => member(id, partner))];
    await stack.services.activity.transport.publish(
      people.map((m) => ({
        topic: MEMBERSHIP_TOPIC,
        key: m.id,
        value: JSON.stringify(
          createEnvelope('membership', {
            type: MembershipEventType.REGISTERED,
            aggregateId: m.id,
            organizationId: m.organizationId,
            organizationPath: [root, m.organizationId === host ? committeeA : committeeB, m.organizationId],
            actor: 'test',
            data: { member: m },
          }),
        ),
      })),
    );
    await eventually(
      async () =>
        (await stack.services.activity.dataSource.query(`SELECT count(*)::int AS n FROM member`))[0].n === 4 &&
        (await stack.services.activity.dataSource.query(`SELECT 1 FROM org_node WHERE id = $1`, [partner])).length
          ? true
          : undefined,
      15_000,
      'members and tree to reach the activity service',
    );
  });
  afterAll(() => stack?.stop());

  it('lets a co-host outside the recorder’s scope count only after its own cadre confirms', async () => {
    const before = await activityRows();
    const sneaky = await send(cadreA(), RECORD, {
      input: meeting('联学联建', {
        coHostIds: [partner],
        attendance: { entries: [...hostMembers, partnerMembers[0]].map((memberId) => ({ memberId, status: 'PRESENT' })) },
      }),
    });
    expect(codeOf(sneaky)).toBe('MEMBER_OF_UNCONFIRMED_CO_HOST');
    expect(sneaky.errors?.[0].message).toMatch(/乙镇某村党支部.*确认联办/);
    expect(await activityRows()).toBe(before);

    const recorded = await send(cadreA(), RECORD, {
      input: meeting('联学联建', {
        coHostIds: [partner],
        attendance: { entries: hostMembers.map((memberId) => ({ memberId, status: 'PRESENT' })) },
      }),
    });
    expect(recorded.errors).toBeUndefined();
    const activity = recorded.data.recordActivity;
    expect(activity).toMatchObject({ coHostIds: [], pendingCoHostIds: [partner], attendanceCounts: { expected: 2, present: 2 } });
    expect(codeOf(await send(cadreA(), CONFIRM, { id: activity.id, org: partner }))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await send(cadreA(), ATTEND, { id: activity.id, attendance: { entries: [{ memberId: partnerMembers[0], status: 'PRESENT' }] } }),
      ),
    ).toBe('MEMBER_OF_UNCONFIRMED_CO_HOST');

    const confirmed = await send(cadreB(), CONFIRM, { id: activity.id, org: partner });
    expect(confirmed.data.confirmCoHosting).toEqual({ coHostIds: [partner], pendingCoHostIds: [] });
    expect(codeOf(await send(cadreB(), CONFIRM, { id: activity.id, org: partner }))).toBe('CO_HOST_NOT_PENDING');
    const attended = await send(cadreA(), ATTEND, {
      id: activity.id,
      attendance: { entries: [{ memberId: partnerMembers[0], status: 'PRESENT' }] },
    });
    expect(attended.data.recordAttendance.attendanceCounts.present).toBe(3);
    const [event] = await stack.services.activity.dataSource.query(
      `SELECT envelope FROM outbox WHERE envelope->>'type' = 'activity.co-host-confirmed' AND message_key = $1`,
      [activity.id],
    );
    expect(event.envelope.data).toMatchObject({ organizationId: partner, activity: { coHostIds: [partner] } });

    // A district administrator's co-hosts are all in scope: confirmed at once.
    const byAdmin = await send(ADMIN, RECORD, { input: meeting('区级联建', { coHostIds: [partner] }) });
    expect(byAdmin.data.recordActivity).toMatchObject({ coHostIds: [partner], pendingCoHostIds: [] });
  });

  it('stores one meeting for ten identical saves sent at once with one idempotency key', async () => {
    const before = await activityRows();
    const key = randomUUID();
    const input = meeting('学习贯彻全会精神', { attendance: { entries: [{ memberId: hostMembers[0], status: 'PRESENT' }] } });
    const results = await Promise.all(Array.from({ length: 10 }, () => send(cadreA(), RECORD, { input }, { 'idempotency-key': key })));
    expect(results.map((r) => r.errors)).toEqual(Array(10).fill(undefined));
    expect(new Set(results.map((r) => r.data.recordActivity.id)).size).toBe(1);
    expect(await activityRows()).toBe(before + 1);
    const events = await stack.services.activity.dataSource.query(
      `SELECT 1 FROM outbox WHERE message_key = $1 AND envelope->>'type' = 'activity.held'`,
      [results[0].data.recordActivity.id],
    );
    expect(events).toHaveLength(1);
    // The same key as an argument returns the same meeting; with other content it is refused.
    const again = await send(cadreA(), RECORD, { input, key });
    expect(again.data.recordActivity.id).toBe(results[0].data.recordActivity.id);
    expect(codeOf(await send(cadreA(), RECORD, { input: meeting('另一个主题'), key }))).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('refuses exact repeats of a meeting without a key, unless told it is intended', async () => {
    const before = await activityRows();
    const input = meeting('主题党日：志愿服务');
    const results = await Promise.all(Array.from({ length: 10 }, () => send(cadreA(), RECORD, { input })));
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => codeOf(r) === 'DUPLICATE_ACTIVITY')).toHaveLength(9);
    expect(results.find((r) => r.errors)?.errors?.[0].message).toMatch(/完全相同的活动记录.*intendedDuplicate/);
    expect(await activityRows()).toBe(before + 1);
    const intended = await send(cadreA(), RECORD, { input: { ...input, intendedDuplicate: true } });
    expect(intended.errors).toBeUndefined();
    expect(await activityRows()).toBe(before + 2);
  });

  it('refuses meetings in the year 0000 or 1900, plans for 9999 and attachments of 1e300 bytes, naming the range', async () => {
    for (const heldOn of ['0000-01-01', '1900-05-01']) {
      const result = await send(cadreA(), RECORD, { input: { ...meeting('年代久远'), record: { heldOn, topic: '年代久远' } } });
      expect(codeOf(result)).toBe('DATE_OUT_OF_RANGE');
      expect(result.errors?.[0].message).toBe(`开展日期（${heldOn}）不在允许的范围内：应在 2021-11-22 至 2026-11-22 之间。`);
    }
    const plan = await send(cadreA(), `mutation($input: PlanActivityInput!) { planActivity(input: $input) { id } }`, {
      input: { organizationId: host, type: 'PARTY_LECTURE', plannedOn: '9999-12-31', topic: '远期党课' },
    });
    expect(codeOf(plan)).toBe('DATE_OUT_OF_RANGE');
    expect(plan.errors?.[0].extensions).toMatchObject({ field: 'plannedOn', earliest: '2025-11-21', latest: '2028-11-22' });
    const huge = await send(cadreA(), RECORD, {
      input: {
        ...meeting('附件'),
        record: { heldOn: '2026-11-20', topic: '附件', attachments: [{ name: '会议记录.pdf', sizeBytes: 1e300, sha256: 'a'.repeat(64) }] },
      },
    });
    expect(codeOf(huge)).toBe('NUMBER_OUT_OF_RANGE');
    expect(huge.errors?.[0].message).toMatch(/附件“会议记录.pdf”的大小（字节）.*0 至 2147483648/);
    const election = await send(ADMIN, `mutation($input: RecordElectionInput!) { recordElection(input: $input) { id } }`, {
      input: { organizationId: host, heldOn: '1900-01-01', committee: [{ personName: '某人', role: 'SECRETARY' }] },
    });
    expect(codeOf(election)).toBe('DATE_OUT_OF_RANGE');
    const periods = await send(ADMIN, `query($id: ID!) { organization(id: $id) { compliance(period: "0000") { period } } }`, { id: host });
    expect(codeOf(periods)).toBe('NUMBER_OUT_OF_RANGE');
    const plan0 = await send(ADMIN, `query($id: ID!) { organization(id: $id) { activityPlan(year: 0) { year } } }`, { id: host });
    expect(codeOf(plan0)).toBe('NUMBER_OUT_OF_RANGE');
  });

  it('creates an organisation once per idempotency key', async () => {
    const input = { code: 'Q-A-02', name: '甲局第二党支部', kind: 'BRANCH', sector: 'AGENCY', parentId: committeeA };
    const CREATE = `mutation($input: CreateOrganizationInput!, $key: String) { createOrganization(input: $input, idempotencyKey: $key) { id } }`;
    const key = randomUUID();
    const [first, second] = await Promise.all([
      send(ADMIN, CREATE, { input, key }),
      send(ADMIN, CREATE, { input }, { 'idempotency-key': key }),
    ]);
    expect(first.errors).toBeUndefined();
    expect(second.data.createOrganization.id).toBe(first.data.createOrganization.id);
  });
});
