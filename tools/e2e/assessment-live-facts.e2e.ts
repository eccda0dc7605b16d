import { randomUUID } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { PairingEventType, SERVICE_RECORDED_SCHEMA_VERSION, eventsSchema } from '@partybuild/contracts';
import { createEnvelope } from '@partybuild/events';
import { eventually } from '@partybuild/testing';
import { ADMIN, TestStack, createOrg, startTestStack } from './fixtures';
import { branchScheme, reachedAssessment, registerMembers } from './assessment-fixtures';

const VIEW = `query($org: ID!) { organization(id: $org) { assessment(year: 2026) { facts { fact value } indicators { code score noData } } } }`;
const INDEX = `query($id: ID!, $period: String!) { member(id: $id) { pioneerIndex(period: $period) {
  total noData breakdown { fact month points detail } } } }`;
const RECORD = `mutation($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`;

describe('assessment follows attendance and pairing work as their events arrive', () => {
  let stack: TestStack;
  let root: string;
  let branch: string;
  let members: string[];
  const admin = () => stack.as(ADMIN, 'zh-CN');
  const facts = async (org: string) => {
    const result = await admin()(VIEW, { org });
    expect(result.errors).toBeUndefined();
    const a = result.data.organization.assessment;
    return {
      fact: Object.fromEntries(a.facts.map((f: { fact: string; value: number | null }) => [f.fact, f.value])),
      score: Object.fromEntries(a.indicators.map((i: { code: string; score: number | null }) => [i.code, i.score])),
    };
  };
  const index = async (id: string, period = '2026-11') => {
    const result = await admin()(INDEX, { id, period });
    expect(result.errors).toBeUndefined();
    return result.data.member.pioneerIndex;
  };

  beforeAll(async () => {
    stack = await startTestStack();
    root = await createOrg(stack, { code: 'L', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    branch = await createOrg(stack, { code: 'L-1', name: '水务局机关党支部', kind: 'BRANCH', parentId: root });
    await reachedAssessment(stack, 'org_node', [root, branch]);
    members = await registerMembers(stack, branch, 3, { seq: 40 });
    await reachedAssessment(stack, 'member', members);
    const scheme = await admin()(`mutation($input: SchemeInput!) { createAssessmentScheme(input: $input) { id } }`, {
      input: branchScheme(2026),
    });
    const opened = await admin()(`mutation($input: OpenRoundInput!) { openAssessmentRound(input: $input) { id } }`, {
      input: { organizationId: branch, schemeId: scheme.data.createAssessmentScheme.id, year: 2026 },
    });
    expect(opened.errors).toBeUndefined();
  }, 120_000);
  afterAll(() => stack?.stop());

  it('credits a meeting recorded through the gateway to each attendee’s pioneer index and moves the branch’s average attendance', async () => {
    const [present, late, absent] = members;
    expect((await facts(branch)).fact.AVERAGE_ATTENDANCE).toBeNull();
    expect((await index(present)).noData).toContain('MEETING_ATTENDED');
    const recorded = await admin()(RECORD, {
      input: {
        organizationId: branch,
        type: 'PARTY_LECTURE',
        record: { heldOn: '2026-11-12', topic: '学习党章', lecturer: { name: '讲师' } },
        attendance: {
          entries: [
            { memberId: present, status: 'PRESENT' },
            { memberId: late, status: 'LATE' },
          ],
          othersAbsent: true,
        },
      },
    });
    expect(recorded.errors).toBeUndefined();
    const credited = await eventually(
      async () => {
        const i = await index(present);
        return i.total === 1 ? i : undefined;
      },
      10_000,
      'the meeting to reach the attendee’s pioneer index',
    );
    expect(credited.breakdown).toEqual([
      { fact: 'MEETING_ATTENDED', month: '2026-11', points: 1, detail: '参加会议活动 2026-11-12：PARTY_LECTURE' },
    ]);
    expect(credited.noData).not.toContain('MEETING_ATTENDED');
    expect((await index(late)).total).toBe(1);
    expect(await index(absent)).toMatchObject({ total: 0, breakdown: [] });
    // Two of the three expected attended: the automatic indicator (10 points) follows.
    const after = await facts(branch);
    expect(after.fact.AVERAGE_ATTENDANCE).toBe(0.6667);
    expect(after.score['1.2']).toBe(6.67);
  });

  it('publishes the attendance at version 3 with the attendees’ ids (no names), valid against the documented schema', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(eventsSchema);
    const events = (await stack.eventLog()).filter((e) => e.topic === 'partybuild.activity').map((e) => JSON.parse(e.value));
    const attendance = events.find((e) => e.type === 'activity.attendance-recorded');
    expect(attendance).toMatchObject({ schemaversion: 3, data: { attendeeIds: [members[0], members[1]] } });
    for (const event of events)
      expect({ type: event.type, valid: validate(event), errors: validate.errors ?? null }).toMatchObject({ valid: true });
    expect(JSON.stringify(events)).not.toContain('党员4');
    // A version 3 attendance event must list its attendees; a version 2 one need not.
    const { attendeeIds: _dropped, ...withoutList } = attendance.data;
    expect(validate({ ...attendance, data: withoutList })).toBe(false);
    expect(validate({ ...attendance, schemaversion: 2, data: withoutList })).toBe(true);
  });

  it('shows no pairing data until the pairing events concern the branch, then scores services, wishes and problems', async () => {
    expect((await facts(branch)).fact).toMatchObject({
      PAIRING_SERVICES: null,
      MICRO_WISHES_FULFILLED: null,
      PROBLEMS_RESOLVED: null,
      AVERAGE_DAYS_TO_RESOLVE: null,
    });
    const [claimer] = members;
    const at = { organizationId: branch, organizationPath: [root, branch], actor: 'test' };
    const wishId = randomUUID();
    const pairId = randomUUID();
    // As the pairing service publishes them (its own tests cover how it does).
    await stack.publish([
      createEnvelope('pairing', {
        ...at,
        type: PairingEventType.SERVICE_RECORDED,
        aggregateId: randomUUID(),
        // Version 3 names the members who took part.
        schemaVersion: SERVICE_RECORDED_SCHEMA_VERSION,
        data: {
          service: {
            id: randomUUID(),
            pairId,
            helperId: branch,
            helpedId: randomUUID(),
            type: 'LEGAL',
            deliveredOn: '2026-10-15',
            period: '2026-10',
            beneficiaries: 40,
            funds: 0,
            memberCount: 1,
            memberIds: [claimer],
          },
        },
      }),
      createEnvelope('pairing', {
        ...at,
        type: PairingEventType.WISH_FULFILLED,
        aggregateId: wishId,
        data: {
          wish: {
            id: wishId,
            organizationId: branch,
            status: 'FULFILLED',
            postedOn: '2026-11-01',
            claimedBy: claimer,
            claimedOn: '2026-11-02',
            fulfilledOn: '2026-11-09',
          },
        },
      }),
      ...['RESOLVED', 'OPEN'].map((status) =>
        createEnvelope('pairing', {
          ...at,
          type: status === 'RESOLVED' ? PairingEventType.PROBLEM_RESOLVED : PairingEventType.PROBLEM_COLLECTED,
          aggregateId: randomUUID(),
          data: {
            problem: {
              id: randomUUID(),
              organizationId: branch,
              category: '基础设施',
              assigneeId: branch,
              collectedOn: '2026-11-01',
              deadline: '2026-11-30',
              status,
              resolvedOn: status === 'RESOLVED' ? '2026-11-05' : null,
              daysToResolve: status === 'RESOLVED' ? 4 : null,
              escalatedTo: null,
            },
          },
        }),
      ),
    ]);
    const after = await eventually(
      async () => {
        const f = await facts(branch);
        return f.fact.PROBLEMS_RESOLVED !== null && f.fact.MICRO_WISHES_FULFILLED !== null ? f : undefined;
      },
      10_000,
      'the pairing facts to reach the branch',
    );
    // Jan–Oct ended (one served: October), November not served yet: 1 of 10.
    expect(after.fact).toMatchObject({
      PAIRING_SERVICES: 0.1,
      MICRO_WISHES_FULFILLED: 1,
      PROBLEMS_RESOLVED: 0.5,
      AVERAGE_DAYS_TO_RESOLVE: 4,
    });
    expect(after.score['3']).toBe(1);
    const claimed = await index(claimer);
    expect(claimed.breakdown).toContainEqual({ fact: 'MICRO_WISH', month: '2026-11', points: 3, detail: '完成微心愿 2026-11-09' });
    expect(claimed.total).toBe(4);
    expect(claimed.noData).toEqual(['DEVELOPMENT_DUTY']);
    // The service of October credits the member it names, in October.
    const october = await index(claimer, '2026-10');
    expect(october.breakdown).toContainEqual({ fact: 'PAIRING_SERVICE', month: '2026-10', points: 2, detail: '参加结对服务 2026-10-15' });
    expect((await index(members[1], '2026-10')).breakdown.map((b: { fact: string }) => b.fact)).not.toContain('PAIRING_SERVICE');
  });
});
