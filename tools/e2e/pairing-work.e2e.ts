import { randomUUID } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Role } from '@partybuild/auth';
import { MEMBERSHIP_TOPIC, MembershipEventType, eventTopics, eventsSchema } from '@partybuild/contracts';
import { createEnvelope } from '@partybuild/events';
import { eventually, memberSnapshot } from '@partybuild/testing';
import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';
import { dataOf } from '../dev/graphql-client';

const member = (id: string, organizationId: string) =>
  memberSnapshot(organizationId, { id, birthDate: '1985-04-01', education: null, joinedOn: '2015-07-01', fullMemberSince: '2016-07-01' });

describe('pairing work through the gateway: services, member pairs, micro-wishes, visits and problems', () => {
  let stack: TestStack;
  const ids: Record<string, string> = {};
  const [a1, a2, r1, r2] = Array.from({ length: 4 }, () => randomUUID());
  let pairId: string;
  const admin = () => stack.as(ADMIN, 'zh-CN');
  const ok = async (query: string, variables: Record<string, unknown> = {}, as = admin()) => dataOf(await as(query, variables));

  beforeAll(async () => {
    stack = await startTestStack();
    ids.root = await createOrg(stack, { code: 'W', name: '区委', kind: 'WORKING_COMMITTEE' });
    ids.agency = await createOrg(stack, {
      code: 'W-1',
      name: '区司法局党委',
      kind: 'PARTY_COMMITTEE',
      parentId: ids.root,
      departmentCategory: 'POLITICAL_LEGAL',
    });
    ids.agencyBranch = await createOrg(stack, { code: 'W-1-1', name: '区司法局机关党支部', kind: 'BRANCH', parentId: ids.agency });
    ids.town = await createOrg(stack, {
      code: 'W-T',
      name: '某街道党工委',
      kind: 'PARTY_COMMITTEE',
      parentId: ids.root,
      sector: 'COMMUNITY',
    });
    ids.village = await createOrg(stack, {
      code: 'W-T-1',
      name: '幸福社区党委',
      kind: 'PARTY_COMMITTEE',
      parentId: ids.town,
      sector: 'COMMUNITY',
    });
    ids.other = await createOrg(stack, {
      code: 'W-T-2',
      name: '和平社区党委',
      kind: 'PARTY_COMMITTEE',
      parentId: ids.town,
      sector: 'COMMUNITY',
    });
    const members = [member(a1, ids.agencyBranch), member(a2, ids.agencyBranch), member(r1, ids.village), member(r2, ids.village)];
    await stack.services.pairing.transport.publish(
      members.map((m) => ({
        topic: MEMBERSHIP_TOPIC,
        key: m.id,
        value: JSON.stringify(
          createEnvelope('membership', {
            type: MembershipEventType.REGISTERED,
            aggregateId: m.id,
            organizationId: m.organizationId,
            organizationPath: [m.organizationId],
            actor: 'test',
            data: { member: m },
          }),
        ),
      })),
    );
    const db = stack.services.pairing.dataSource;
    await eventually(
      async () => {
        const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM org_node`);
        const [{ m }] = await db.query(`SELECT count(*)::int AS m FROM member`);
        return n === 6 && m === 4 ? true : undefined;
      },
      20_000,
      'the pairing read models',
    );
    const proposed = await ok(`mutation($input: ProposePairInput!) { proposePair(input: $input) { id } }`, {
      input: { helperId: ids.agency, helpedId: ids.village },
    });
    pairId = proposed.proposePair.id;
    await ok(`mutation($id: ID!) { activatePair(id: $id, startsOn: "2026-01-01") { id } }`, { id: pairId });
  }, 90_000);
  afterAll(() => stack?.stop());

  it('records a service under an active pair, once per key, and shows it on the pair and the members', async () => {
    const RECORD = `mutation($input: RecordServiceInput!, $key: String) {
      recordPairingService(input: $input, idempotencyKey: $key) { id type deliveredOn beneficiaries funds members { id } } }`;
    const input = {
      pairId,
      type: 'LEGAL',
      deliveredOn: '2026-11-10',
      beneficiaries: 120,
      funds: 3500.5,
      outcome: '开展法律咨询，调解纠纷3起',
      memberIds: [a1, r1],
    };
    const first = (await ok(RECORD, { input, key: 'svc-1' })).recordPairingService;
    const again = (await ok(RECORD, { input, key: 'svc-1' })).recordPairingService;
    expect(again.id).toBe(first.id);
    expect(first).toMatchObject({ type: 'LEGAL', funds: 3500.5, members: [{ id: a1 }, { id: r1 }] });
    expect(codeOf(await admin()(RECORD, { input: { ...input, deliveredOn: '2026-12-30' } }))).toBe('DATE_IN_FUTURE');
    expect(codeOf(await admin()(RECORD, { input: { ...input, memberIds: [randomUUID()] } }))).toBe('MEMBER_NOT_FOUND');
    const seen = await ok(`query($id: ID!) { pair(id: $id) { services { totalCount items { id outcome } } } }`, { id: pairId });
    expect(seen.pair.services).toEqual({ totalCount: 1, items: [{ id: first.id, outcome: '开展法律咨询，调解纠纷3起' }] });
    const [{ n }] = await stack.services.pairing.dataSource.query(`SELECT count(*)::int AS n FROM service_record`);
    expect(n).toBe(1);
  });

  it('pairs members one to one, and a member sees their own pair', async () => {
    const CREATE = `mutation($input: MemberPairInput!) { createMemberPair(input: $input) { id agencyMember { id } ruralMember { id } pairId } }`;
    const created = (await ok(CREATE, { input: { agencyMemberId: a1, ruralMemberId: r1, pairId } })).createMemberPair;
    expect(created).toMatchObject({ agencyMember: { id: a1 }, ruralMember: { id: r1 }, pairId });
    expect(codeOf(await admin()(CREATE, { input: { agencyMemberId: a1, ruralMemberId: r2 } }))).toBe('MEMBER_ALREADY_PAIRED');
    expect(codeOf(await admin()(CREATE, { input: { agencyMemberId: r2, ruralMemberId: a2 } }))).toBe('MEMBER_WRONG_SIDE');
  });

  it('posts a micro-wish with the resident encrypted and masked, claims it once, fulfils it only after', async () => {
    const POST = `mutation($input: PostWishInput!, $key: String) { postMicroWish(input: $input, idempotencyKey: $key) { id status residentName residentContact expiresOn } }`;
    const posted = (
      await ok(POST, {
        input: { organizationId: ids.village, title: '一台助听器', residentName: '王秀英', residentContact: '13812345678' },
        key: 'wish-1',
      })
    ).postMicroWish;
    expect(posted).toMatchObject({ status: 'OPEN', residentName: '王秀英', residentContact: '13812345678' });
    const [row] = await stack.services.pairing.dataSource.query(`SELECT resident_name_sealed, resident_contact_sealed FROM micro_wish`);
    expect(JSON.stringify(row)).not.toMatch(/王秀英|13812345678/);
    const FULFIL = `mutation($id: ID!) { fulfilMicroWish(id: $id, evidence: "已送达") { status } }`;
    expect(codeOf(await admin()(FULFIL, { id: posted.id }))).toBe('WISH_NOT_CLAIMED');
    // The agency member claims it themself and then sees the resident's details.
    const self = stack.as({ subject: 'm-a2', name: '机关党员', roles: [Role.MEMBER], scope: [], memberId: a2 }, 'zh-CN');
    const claimed = (
      await ok(
        `mutation($id: ID!, $m: ID!) { claimMicroWish(id: $id, memberId: $m) { status residentName claimedBy { id } } }`,
        { id: posted.id, m: a2 },
        self,
      )
    ).claimMicroWish;
    expect(claimed).toEqual({ status: 'CLAIMED', residentName: '王秀英', claimedBy: { id: a2 } });
    const twice = await admin()(`mutation($id: ID!, $m: ID!) { claimMicroWish(id: $id, memberId: $m) { status } }`, {
      id: posted.id,
      m: a1,
    });
    expect(codeOf(twice)).toBe('WISH_ALREADY_CLAIMED');
    expect(twice.errors?.[0].message).toContain('已被认领');
    expect((await ok(FULFIL, { id: posted.id })).fulfilMicroWish.status).toBe('FULFILLED');
    // Someone else's cadre sees it masked.
    const outsider = stack.as({ subject: 'cadre', name: '干部', roles: [Role.PARTY_CADRE], scope: [ids.agency] }, 'zh-CN');
    const masked = await outsider(`query($id: ID!) { microWish(id: $id) { residentName residentContact } }`, { id: posted.id });
    expect(codeOf(masked)).toBe('FORBIDDEN');
    const without = (
      await ok(`query($u: ID!) { membersWithoutMicroWish(year: 2026, under: $u) { totalCount items { id } } }`, { u: ids.agency })
    ).membersWithoutMicroWish;
    expect(without).toEqual({ totalCount: 1, items: [{ id: a1 }] });
    const events = (await stack.eventLog())
      .filter((e) => e.topic === 'partybuild.pairing')
      .map((e) => e.value)
      .join('\n');
    expect(events).not.toMatch(/王秀英|13812345678/);
    expect(events).toContain('pairing.wish.fulfilled');
  });

  it('audits every read of a resident in clear, as membership audits ID numbers, and no masked one', async () => {
    const db = stack.services.pairing.dataSource;
    const posted = (
      await ok(`mutation($input: PostWishInput!) { postMicroWish(input: $input) { id residentName } }`, {
        input: { organizationId: ids.village, title: '一袋大米', residentName: '赵桂兰', residentContact: '13700001111' },
      })
    ).postMicroWish;
    const audit = () =>
      db.query(`SELECT actor, actor_roles, fields, purpose, request_id FROM resident_data_access WHERE wish_id = $1 ORDER BY id`, [
        posted.id,
      ]);
    // The poster was given the name in clear in the mutation's answer: audited.
    expect(await audit()).toEqual([
      { actor: 'admin', actor_roles: ['district-admin'], fields: ['residentName'], purpose: 'read', request_id: expect.any(String) },
    ]);
    const villageCadre = stack.as({ subject: 'c-village', name: '社区书记', roles: [Role.PARTY_CADRE], scope: [ids.village] }, 'zh-CN');
    const READ = `query($id: ID!) { microWish(id: $id) { title residentName residentContact } }`;
    const read = await villageCadre(READ, { id: posted.id });
    expect(read.data.microWish).toEqual({ title: '一袋大米', residentName: '赵桂兰', residentContact: '13700001111' });
    const rows = await audit();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ actor: 'c-village', actor_roles: ['party-cadre'], fields: ['residentContact', 'residentName'] });
    // The title alone gives nobody out: nothing written.
    expect((await villageCadre(`query($id: ID!) { microWish(id: $id) { title } }`, { id: posted.id })).errors).toBeUndefined();
    // A member of the village sees the wish masked: nothing written.
    const villager = stack.as({ subject: 'm-r2', name: '社区党员', roles: [Role.MEMBER], scope: [ids.village], memberId: r2 }, 'zh-CN');
    const masked = await villager(READ, { id: posted.id });
    expect(masked.errors).toBeUndefined();
    expect(masked.data.microWish).toEqual({ title: '一袋大米', residentName: '赵**', residentContact: '137******11' });
    expect(await audit()).toHaveLength(2);
    // District admins read the log, newest first; a cadre may not.
    const LOG = `query($id: ID!) { microWishAccessLog(wishId: $id) { totalCount items { actor fields purpose } } }`;
    expect((await ok(LOG, { id: posted.id })).microWishAccessLog).toEqual({
      totalCount: 2,
      items: [
        { actor: 'c-village', fields: ['residentContact', 'residentName'], purpose: 'read' },
        { actor: 'admin', fields: ['residentName'], purpose: 'read' },
      ],
    });
    expect((await villageCadre(LOG, { id: posted.id })).errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      operation: 'personalDataAccessLog',
      reason: 'ROLE_NOT_ALLOWED',
    });
  });

  it('records a team’s visits in one call or one CSV, all or nothing, and follows the problems to resolution', async () => {
    const VISITS = `mutation($org: ID!, $visits: [VisitInput!]!) { recordVisits(organizationId: $org, visits: $visits) { visits households problems } }`;
    const visits = [
      { household: '1栋101', visitedOn: '2026-11-01', visitorMemberIds: [a1, r1] },
      {
        household: '1栋102',
        visitedOn: '2026-11-01',
        visitorMemberIds: [a1],
        problem: { category: '基础设施', description: '楼道灯坏', assignee: 'W-T-1', deadline: '2026-11-10' },
      },
      {
        household: '1栋103',
        visitedOn: '2026-11-02',
        visitorMemberIds: [a1],
        problem: { category: 'DISPUTE', description: '邻里噪音纠纷', assignee: ids.other },
      },
    ];
    expect((await ok(VISITS, { org: ids.village, visits })).recordVisits).toEqual({ visits: 3, households: 3, problems: 2 });
    const bad = await admin()(VISITS, {
      org: ids.village,
      visits: [...visits, { household: '', visitedOn: '2026-13-01', visitorMemberIds: [a1] }],
    });
    expect(codeOf(bad)).toBe('VISIT_ROWS_INVALID');
    expect(bad.errors?.[0].message).toContain('第 4 行「household」');
    expect(bad.errors?.[0].extensions?.errors).toEqual(
      expect.arrayContaining([{ row: 4, column: 'visitedOn', message: expect.any(String) }]),
    );
    const csv =
      'household,visitedOn,visitors,note,problemCategory,problemDescription,assignee,deadline\n2栋201,2026-11-03,' +
      a1 +
      ',,,,,\n2栋202,2026-11-03,' +
      a1 +
      ',,社会治安,夜间有人聚集,NOPE,\n';
    const refused = await admin()(`mutation($org: ID!, $csv: String!) { importVisitsCsv(organizationId: $org, csv: $csv) { visits } }`, {
      org: ids.village,
      csv,
    });
    expect(codeOf(refused)).toBe('VISIT_ROWS_INVALID');
    expect(refused.errors?.[0].message).toContain('第 2 行「assignee」');
    const [{ n }] = await stack.services.pairing.dataSource.query(`SELECT count(*)::int AS n FROM household_visit`);
    expect(n).toBe(3);
    const fixed = csv.replace('NOPE', 'W-T-1');
    const imported = await ok(
      `mutation($org: ID!, $csv: String!) { importVisitsCsv(organizationId: $org, csv: $csv) { visits problems } }`,
      { org: ids.village, csv: fixed },
    );
    expect(imported.importVisitsCsv).toEqual({ visits: 2, problems: 1 });

    // 有呼必应: today is 2026-11-22; the lamp (deadline 11-10) and the CSV's problem (default 15 days: 11-18) are overdue.
    const overdue = (
      await ok(`query($a: ID!) { overdueProblems(assigneeId: $a) { totalCount items { id description daysOverdue } } }`, { a: ids.village })
    ).overdueProblems;
    expect(overdue.totalCount).toBe(2);
    expect(overdue.items.map((p: any) => [p.description, p.daysOverdue])).toEqual([
      ['楼道灯坏', 12],
      ['夜间有人聚集', 4],
    ]);
    const problemId = overdue.items[0].id;
    const agencyCadre = stack.as({ subject: 'c2', name: '司法局干部', roles: [Role.PARTY_CADRE], scope: [ids.agency] }, 'zh-CN');
    const notMine = await agencyCadre(`mutation($id: ID!) { resolveProblem(id: $id, resolution: "已修") { status } }`, { id: problemId });
    expect(codeOf(notMine)).toBe('NOT_ASSIGNEE');
    const villageCadre = stack.as({ subject: 'c3', name: '社区书记', roles: [Role.PARTY_CADRE], scope: [ids.village] }, 'zh-CN');
    const resolved = (
      await ok(
        `mutation($id: ID!) { resolveProblem(id: $id, resolution: "已更换灯泡") { status daysToResolve daysOverdue } }`,
        { id: problemId },
        villageCadre,
      )
    ).resolveProblem;
    expect(resolved).toEqual({ status: 'RESOLVED', daysToResolve: 21, daysOverdue: 0 });
    expect(
      codeOf(await villageCadre(`mutation($id: ID!) { resolveProblem(id: $id, resolution: "再次") { status } }`, { id: problemId })),
    ).toBe('PROBLEM_CLOSED');

    const summary = (
      await ok(
        `query($id: ID!) { organization(id: $id) { pairingSummary(period: "2026") {
      activePairs services beneficiaries funds wishesPosted wishesClaimed wishesFulfilled householdsVisited
      problemsCollected problemsResolved problemsOverdue averageDaysToResolve servicesByType { type count } } } }`,
        { id: ids.root },
      )
    ).organization.pairingSummary;
    expect(summary).toMatchObject({
      activePairs: 1,
      services: 1,
      beneficiaries: 120,
      funds: 3500.5,
      wishesPosted: 2, // the claimed one and the audit test's
      wishesClaimed: 1,
      wishesFulfilled: 1,
      householdsVisited: 5,
      problemsCollected: 3,
      problemsResolved: 1,
      problemsOverdue: 2, // the CSV's problem and the other community's dispute
      averageDaysToResolve: 21,
    });
    expect(summary.servicesByType.find((t: any) => t.type === 'LEGAL').count).toBe(1);
  });

  it('keeps instructors with their visits, and joint committees of several organisations', async () => {
    const appointed = (
      await ok(
        `mutation($input: InstructorInput!) { appointInstructor(input: $input, idempotencyKey: "ins-1") { id member { id } startsOn endsOn visits } }`,
        { input: { memberId: a2, organizationId: ids.other, startsOn: '2026-01-01', endsOn: '2026-12-31' } },
      )
    ).appointInstructor;
    expect(appointed).toMatchObject({ member: { id: a2 }, visits: 0 });
    const LOG = `mutation($id: ID!, $day: LocalDate!) { logInstructorVisit(instructorId: $id, visitedOn: $day, note: "指导换届准备") { visits } }`;
    expect((await ok(LOG, { id: appointed.id, day: '2026-11-20' })).logInstructorVisit.visits).toBe(1);
    expect(codeOf(await admin()(LOG, { id: appointed.id, day: '2026-11-30' }))).toBe('DATE_IN_FUTURE');
    const wrong = await admin()(`mutation($input: InstructorInput!) { appointInstructor(input: $input) { id } }`, {
      input: { memberId: r1, organizationId: ids.other, startsOn: '2026-01-01', endsOn: '2026-12-31' },
    });
    expect(codeOf(wrong)).toBe('MEMBER_WRONG_SIDE');
    const committee = (
      await ok(`mutation($input: JointCommitteeInput!) { createJointCommittee(input: $input) { id kind organizations { id } } }`, {
        input: { kind: 'JOINT_COMMITTEE', name: '幸福社区共建委员会', organizationIds: [ids.agency, ids.village, ids.other] },
      })
    ).createJointCommittee;
    expect(committee.organizations).toHaveLength(3);
    const camp = await admin()(`mutation($input: JointCommitteeInput!) { createJointCommittee(input: $input) { kind } }`, {
      input: { kind: 'FEATURE_CAMP', name: '法治特色支部营', organizationIds: [ids.agencyBranch, ids.other], leaderMemberId: a1 },
    });
    expect(camp.errors).toBeUndefined();
    const seen = await ok(`query($id: ID!) { organization(id: $id) { instructors { visits } jointCommittees { name } } }`, {
      id: ids.other,
    });
    expect(seen.organization.instructors).toEqual([{ visits: 1 }]);
    expect(seen.organization.jointCommittees.map((c: { name: string }) => c.name).sort()).toEqual(
      ['幸福社区共建委员会', '法治特色支部营'].sort(),
    );
    // Each of them is in the feed, by ids only: the camp's kind and leader, the visit without its note.
    const feed = await eventually(async () => {
      const values = (await stack.eventLog()).map((e) => JSON.parse(e.value));
      const camps = values.filter((v) => v.type === 'pairing.committee.created' && v.data.committee.kind === 'FEATURE_CAMP');
      return camps.length && values.some((v) => v.type === 'pairing.instructor.visited') ? values : undefined;
    });
    expect(
      feed.find((v) => v.type === 'pairing.committee.created' && v.data.committee.kind === 'FEATURE_CAMP').data.committee,
    ).toMatchObject({
      name: '法治特色支部营',
      leaderMemberId: a1,
    });
    expect(feed.find((v) => v.type === 'pairing.instructor.visited').data).toEqual({
      visitId: expect.any(String),
      instructorId: appointed.id,
      organizationId: ids.other,
      visitedOn: '2026-11-20',
    });
  });

  it('publishes every pairing event as documented in the feed’s schema, with no resident in any', async () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(eventsSchema);
    const published = await eventually(
      async () => {
        const events = (await stack.eventLog()).filter((e) => e.topic === 'partybuild.pairing');
        return events.some((e) => e.value.includes('pairing.problem.resolved')) ? events : undefined;
      },
      15_000,
      'the pairing events',
    );
    const types = new Set<string>();
    for (const event of published) {
      const value = JSON.parse(event.value);
      types.add(value.type);
      expect({ type: value.type, valid: validate(value), errors: validate.errors ?? null }).toEqual({
        type: value.type,
        valid: true,
        errors: null,
      });
      expect(event.key).toBe(value.subject);
      expect((eventTopics.topics as Record<string, { types: string[] }>)['partybuild.pairing'].types).toContain(value.type);
      expect(event.value).not.toMatch(/王秀英|13812345678|楼道灯坏/);
    }
    expect([...types].sort()).toEqual(
      [
        'pairing.pair.proposed',
        'pairing.pair.activated',
        'pairing.service.recorded',
        'pairing.member-pair.created',
        'pairing.wish.posted',
        'pairing.wish.claimed',
        'pairing.wish.fulfilled',
        'pairing.visits.recorded',
        'pairing.problem.collected',
        'pairing.problem.resolved',
        'pairing.instructor.appointed',
        'pairing.instructor.visited',
        'pairing.committee.created',
      ].sort(),
    );
    const wish = JSON.parse(published.find((e) => e.value.includes('pairing.wish.posted'))!.value);
    expect(validate({ ...wish, data: { wish: { ...wish.data.wish, residentName: '王秀英' } } })).toBe(false);
  });

  it('ends the member pairs of a pair that ends, each with its event', async () => {
    const ended = await ok(`mutation($id: ID!) { endPair(id: $id, reason: "三年期满") { status endedOn } }`, { id: pairId });
    expect(ended.endPair).toEqual({ status: 'ENDED', endedOn: '2026-11-22' });
    const member = stack.as({ subject: 'm-r1', name: '农村党员', roles: [Role.MEMBER], scope: [], memberId: r1 }, 'zh-CN');
    const [row] = await stack.services.pairing.dataSource.query(
      `SELECT ends_on::text AS ends_on FROM member_pair WHERE rural_member_id = $1`,
      [r1],
    );
    expect(row.ends_on).toBe('2026-11-22');
    const events = await eventually(async () => {
      const found = (await stack.eventLog()).filter((e) => e.value.includes('pairing.member-pair.ended'));
      return found.length ? found : undefined;
    });
    expect(JSON.parse(events[0].value).data.memberPair).toMatchObject({ ruralMemberId: r1, endsOn: '2026-11-22' });
    expect(codeOf(await member(`mutation($id: ID!) { endPair(id: $id, reason: "x") { status } }`, { id: pairId }))).toBe('FORBIDDEN');
  });
});
