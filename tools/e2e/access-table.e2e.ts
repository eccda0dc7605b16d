import { ACCESS_TABLE, Caller, Condition, OPERATIONS, Operation, Role } from '@partybuild/auth';
import { checkCharacter } from '@partybuild/app-membership';
import { eventually } from '@partybuild/testing';
import type { GraphQLResult } from '../dev/graphql-client';
import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';

/**
 * Walks every cell of the access table through the real gateway: for each operation and role,
 * the operation on the caller's own record, on another record (or organisation) in the caller's
 * scope, and on one elsewhere in the district. The table says which must succeed; every other
 * must be refused with FORBIDDEN (or, for a lookup by ID number, read as not found).
 */

const idNumber = (birth: string, seq: number) => {
  const first17 = `110105${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return `${first17}${checkCharacter(first17)}`;
};

type Place = 'own' | 'inScope' | 'elsewhere';
interface Fixture {
  org: Record<Place, string>;
  member: Record<Place, string>;
  idNumber: Record<Place, string>;
  /** Micro-wishes claimed by each place's member: two in a village in the cadre's scope, one in another. */
  wish: Record<Place, string>;
  /** Open wishes in the cadre's village, one for each claim a probe tries. */
  claimable: string[];
}
interface Probe {
  query: string;
  variables: (f: Fixture, place: Place) => Record<string, unknown>;
  /** Granted: no error and, where the answer itself tells, the data shows it. */
  granted?: (result: GraphQLResult<any>, f: Fixture, place: Place) => boolean;
  /** Codes that mean "refused" for this operation (FORBIDDEN unless told). */
  refusedCodes?: string[];
}

const byOrg = (f: Fixture, place: Place) => ({ org: f.org[place] });
let planned = 0;
let schemeYear = 2030;
const byMember = (f: Fixture, place: Place) => ({ id: f.member[place] });
let claims = 0;
const RESIDENT = '王秀英';

const PROBES: Record<Operation, Probe> = {
  'organization.read': { query: `query($org: ID!) { organization(id: $org) { id name } }`, variables: byOrg },
  'organization.committee': { query: `query($org: ID!) { organization(id: $org) { committee { personName } } }`, variables: byOrg },
  'organization.manage': {
    query: `mutation($org: ID!) { updateOrganization(id: $org, input: { hostingUnit: "区档案馆" }) { id } }`,
    variables: byOrg,
  },
  'member.read': { query: `query($id: ID!) { member(id: $id) { id name stage } }`, variables: byMember },
  'member.personal': {
    query: `query($id: ID!) { member(id: $id) { idNumber phone birthDate } }`,
    variables: byMember,
    // Refused here means: masked to the last four and no birth date (or no record at all).
    granted: (r, f, place) => r.data?.member?.idNumber === f.idNumber[place] && r.data.member.birthDate !== null,
  },
  'member.lookup': {
    query: `query($n: String!) { memberByIdNumber(idNumber: $n) { id } }`,
    variables: (f, place) => ({ n: f.idNumber[place] }),
    refusedCodes: ['FORBIDDEN', 'MEMBER_NOT_FOUND'],
  },
  'member.export': { query: `query($org: ID!) { exportMembers(organizationId: $org, includeSubtree: false) }`, variables: byOrg },
  'member.manage': { query: `mutation($id: ID!) { updateMember(id: $id, input: { post: "科员" }) { id } }`, variables: byMember },
  developmentDue: { query: `query($org: ID!) { developmentDue(organizationId: $org) { totalCount } }`, variables: byOrg },
  duesArrears: { query: `query($org: ID!) { duesArrears(organizationId: $org) { totalCount } }`, variables: byOrg },
  duesSummary: { query: `query($org: ID!) { duesSummary(organizationId: $org, period: "2026") { members } }`, variables: byOrg },
  memberTransfers: { query: `query($org: ID!) { memberTransfers(organizationId: $org) { totalCount } }`, variables: byOrg },
  personalDataAccessLog: { query: `query($id: ID!) { personalDataAccessLog(memberId: $id) { totalCount } }`, variables: byMember },
  'activity.read': { query: `query($org: ID!) { organizationActivities(organizationId: $org) { totalCount } }`, variables: byOrg },
  'activity.attendance': { query: `query($id: ID!) { member(id: $id) { attendance { totalCount } } }`, variables: byMember },
  'activity.compliance': {
    query: `query($org: ID!) { complianceReport(under: $org, period: "2026") { period } }`,
    variables: byOrg,
  },
  'activity.manage': {
    query: `mutation($org: ID!, $topic: String!) { planActivity(input: { organizationId: $org, type: GENERAL_MEETING, plannedOn: "2026-12-10", topic: $topic }) { id } }`,
    // A topic of its own each time: the same meeting planned twice is refused as a repeat.
    variables: (f, place) => ({ org: f.org[place], topic: `支部党员大会 ${++planned}` }),
  },
  'statistics.read': { query: `query($org: ID!) { statisticsCsv(period: "2026", under: $org) }`, variables: byOrg },
  'pairing.read': { query: `query($org: ID!) { organization(id: $org) { pairs { id } } }`, variables: byOrg },
  'pairing.summary': {
    query: `query($org: ID!) { organization(id: $org) { pairingSummary(period: "2026") { services } } }`,
    variables: byOrg,
  },
  'pairing.problems': { query: `query($org: ID!) { overdueProblems(assigneeId: $org) { totalCount } }`, variables: byOrg },
  'pairing.memberPair': { query: `query($id: ID!) { member(id: $id) { memberPair { id } } }`, variables: byMember },
  'pairing.resident': {
    query: `query($id: ID!) { microWish(id: $id) { residentName } }`,
    variables: (f, place) => ({ id: f.wish[place] }),
    // Refused here means: masked (or no wish at all).
    granted: (r) => r.data?.microWish?.residentName === RESIDENT,
  },
  'pairing.claim': {
    query: `mutation($id: ID!, $m: ID!) { claimMicroWish(id: $id, memberId: $m) { status } }`,
    // A wish of its own each time: a claimed wish cannot be claimed again.
    variables: (f, place) => ({ id: f.claimable[claims++], m: f.member[place] }),
  },
  'pairing.manage': { query: `mutation($org: ID!) { setPairingCapacity(organizationId: $org, capacity: 3) }`, variables: byOrg },
  // assessment
  'assessment.scheme.manage': {
    query: `mutation($input: SchemeInput!) { createAssessmentScheme(input: $input) { id } }`,
    // A year of its own each time: one scheme per year and organisation kind.
    variables: () => ({
      input: {
        year: ++schemeYear,
        organizationKind: 'BRANCH',
        name: '党支部考核方案',
        indicators: [{ name: '综合', maxScore: 100, method: 'MANUAL' }],
      },
    }),
  },
  'assessment.scores': { query: `query($org: ID!) { assessmentRanking(year: 2026, under: $org) { totalCount } }`, variables: byOrg },
  'assessment.evidence': {
    query: `query($org: ID!) { organization(id: $org) { secretaryReport(year: 2026) { grade } } }`,
    variables: byOrg,
  },
  'assessment.manage': {
    query: `mutation($org: ID!) { issueNotice(input: { issuerId: $org, title: "第三季度党建工作通报", commended: [$org] }) { id } }`,
    variables: byOrg,
  },
  'assessment.member': {
    query: `query($id: ID!) { member(id: $id) { appraisal(year: 2026) { grade } pioneerIndex(period: "2026") { total } } }`,
    variables: byMember,
  },
  'assessment.modelPosts': { query: `query($org: ID!) { organization(id: $org) { modelPosts(year: 2026) { id } } }`, variables: byOrg },
  'assessment.followUps': { query: `query($org: ID!) { openAppraisalFollowUps(under: $org) { id } }`, variables: byOrg },
  'assessment.notices': { query: `query($org: ID!) { notices(under: $org, year: 2026) { id } }`, variables: byOrg },
};

/** What the table promises for a cell at each place. */
const expected = (condition: Condition): Record<Place, boolean> => ({
  own: condition !== 'never',
  inScope: condition === 'anywhere' || condition === 'in-scope',
  elsewhere: condition === 'anywhere',
});

describe('the access table, cell by cell, through the gateway', () => {
  let stack: TestStack;
  const f: Fixture = { org: {} as never, member: {} as never, idNumber: {} as never, wish: {} as never, claimable: [] };
  /** A village in the cadre's scope, another outside every scope, and a member of the first. */
  const village: Record<'mine' | 'other' | 'member', string> = {} as never;
  let callers: Record<Role, Caller>;

  beforeAll(async () => {
    stack = await startTestStack();
    const root = await createOrg(stack, { code: 'A', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    const mine = await createOrg(stack, { code: 'A-01', name: '档案局机关党支部', kind: 'BRANCH', parentId: root });
    const theirs = await createOrg(stack, { code: 'A-02', name: '民政局机关党支部', kind: 'BRANCH', parentId: root });
    f.org = { own: mine, inScope: mine, elsewhere: theirs };
    village.mine = await createOrg(stack, { code: 'A-03', name: '东村党支部', kind: 'BRANCH', parentId: root, sector: 'RURAL' });
    village.other = await createOrg(stack, { code: 'A-04', name: '西村党支部', kind: 'BRANCH', parentId: root, sector: 'RURAL' });
    await eventually(
      async () =>
        (
          await stack.services.membership.dataSource.query(`SELECT 1 FROM org_node WHERE id = ANY($1::uuid[])`, [
            [mine, theirs, village.mine],
          ])
        ).length === 3
          ? true
          : undefined,
      15_000,
      'the branches to reach the membership service',
    );
    const people: Array<[Place | 'village', string, string, string]> = [
      ['own', '周敏', '1988-03-14', mine],
      ['inScope', '吴刚', '1975-10-02', mine],
      ['elsewhere', '郑洁', '1992-07-21', theirs],
      ['village', '李芳', '1980-02-11', village.mine],
    ];
    for (const [place, name, birth, org] of people) {
      const number = idNumber(birth, 21);
      if (place !== 'village') f.idNumber[place] = number;
      const result = await stack.as(ADMIN)(`mutation($input: RegisterMemberInput!) { registerMember(input: $input) { id } }`, {
        input: {
          organizationId: org,
          name,
          idNumber: number,
          stage: 'FULL',
          category: 'IN_SERVICE',
          joinedOn: '2015-07-01',
          phone: '13912345678',
        },
      });
      expect(result.errors).toBeUndefined();
      if (place === 'village') village.member = result.data.registerMember.id;
      else f.member[place] = result.data.registerMember.id;
    }
    await eventually(
      async () =>
        (await stack.services.statistics.dataSource.query(`SELECT 1 FROM org_node WHERE id = ANY($1::uuid[])`, [[mine, theirs]])).length ===
          2 &&
        (await stack.services.activity.dataSource.query(`SELECT 1 FROM member WHERE id = ANY($1::uuid[])`, [Object.values(f.member)]))
          .length === 3
          ? true
          : undefined,
      20_000,
      'the tree and the members to reach activity and statistics',
    );
    await eventually(
      async () =>
        (
          await stack.services.pairing.dataSource.query(`SELECT 1 FROM member WHERE id = ANY($1::uuid[])`, [
            [...Object.values(f.member), village.member],
          ])
        ).length === 4 &&
        (
          await stack.services.pairing.dataSource.query(`SELECT 1 FROM org_node WHERE id = ANY($1::uuid[])`, [
            [village.mine, village.other],
          ])
        ).length === 2
          ? true
          : undefined,
      20_000,
      'the villages and the members to reach pairing',
    );
    const wish = async (organizationId: string, claimant?: string) => {
      const posted = await stack.as(ADMIN)(`mutation($input: PostWishInput!) { postMicroWish(input: $input) { id } }`, {
        input: { organizationId, title: '一台助听器', residentName: RESIDENT, residentContact: '13812345678' },
      });
      expect(posted.errors).toBeUndefined();
      const id = posted.data.postMicroWish.id;
      if (claimant) {
        const claimed = await stack.as(ADMIN)(`mutation($id: ID!, $m: ID!) { claimMicroWish(id: $id, memberId: $m) { id } }`, {
          id,
          m: claimant,
        });
        expect(claimed.errors).toBeUndefined();
      }
      return id;
    };
    f.wish = {
      own: await wish(village.mine, f.member.own),
      inScope: await wish(village.mine, f.member.inScope),
      elsewhere: await wish(village.other, f.member.elsewhere),
    };
    for (let i = 0; i < 12; i++) f.claimable.push(await wish(village.mine));
    await eventually(
      async () =>
        (await stack.services.assessment.dataSource.query(`SELECT 1 FROM member WHERE id = ANY($1::uuid[])`, [Object.values(f.member)]))
          .length === 3
          ? true
          : undefined,
      20_000,
      'the members to reach assessment',
    );
    callers = {
      [Role.DISTRICT_ADMIN]: ADMIN,
      // A cadre keeping an agency's branch and the village it helps.
      [Role.PARTY_CADRE]: { subject: 'cadre', name: '组织委员', roles: [Role.PARTY_CADRE], scope: [mine, village.mine] },
      // A member's token names their record; its scope is their branch.
      [Role.MEMBER]: { subject: 'member', name: '周敏', roles: [Role.MEMBER], scope: [mine], memberId: f.member.own },
      [Role.ANALYST]: { subject: 'analyst', name: '统计员', roles: [Role.ANALYST], scope: [mine] },
    };
  }, 150_000);
  afterAll(() => stack?.stop());

  it('has a probe for every operation of the table', () => {
    expect(Object.keys(PROBES).sort()).toEqual([...OPERATIONS].sort());
  });

  describe.each(OPERATIONS)('%s', (operation) => {
    it.each(Object.values(Role))('as %s', async (role) => {
      const probe = PROBES[operation];
      const condition = (ACCESS_TABLE[operation] as Record<Role, Condition>)[role];
      const outcome: Record<Place, boolean | string> = { own: false, inScope: false, elsewhere: false };
      const want = expected(condition);
      for (const place of ['own', 'inScope', 'elsewhere'] as Place[]) {
        const result = await stack.as(callers[role])(probe.query, probe.variables(f, place));
        const granted = !result.errors && (probe.granted ? probe.granted(result, f, place) : true);
        const code = codeOf(result);
        // A refusal is a stable code, never an internal error or a partial answer.
        const refusedWell = !granted && (!result.errors || (probe.refusedCodes ?? ['FORBIDDEN']).includes(String(code)));
        // A `never` cell is refused for the role itself, even in the caller's scope (elsewhere the
        // read the probe goes through may already refuse it as out of scope).
        const reason = result.errors?.[0]?.extensions?.reason;
        const neverWell = condition !== 'never' || place === 'elsewhere' || reason === 'ROLE_NOT_ALLOWED';
        outcome[place] = granted
          ? true
          : refusedWell && neverWell
            ? false
            : `unexpected ${code} (${reason}): ${result.errors?.[0]?.message}`;
      }
      expect({ operation, role, condition, ...outcome }).toEqual({ operation, role, condition, ...want });
    });
  });

  it('names the row and the reason when a role may never do something', async () => {
    const analyst = stack.as(callers[Role.ANALYST]);
    const result = await analyst(
      `query($org: ID!) { organizationMembers(organizationId: $org, includeSubtree: true) { items { name idNumber birthDate } } }`,
      {
        org: f.org.inScope,
      },
    );
    expect(result.data?.organizationMembers ?? null).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', operation: 'member.read', reason: 'ROLE_NOT_ALLOWED' });
    expect(result.errors?.[0].message).toMatch(/统计分析人员/);
  });

  it('lets a member token with an empty scope read its own record, and nobody else’s', async () => {
    const member = stack.as({ subject: 'm2', name: '周敏', roles: [Role.MEMBER], scope: [], memberId: f.member.own });
    const own = await member(`query($id: ID!) { member(id: $id) { name idNumber birthDate attendance { totalCount } } }`, {
      id: f.member.own,
    });
    expect(own.errors).toBeUndefined();
    expect(own.data.member).toEqual({ name: '周敏', idNumber: f.idNumber.own, birthDate: '1988-03-14', attendance: { totalCount: 0 } });
    // Seen in clear, so audited — the birth date as much as the number.
    const [audit] = await stack.services.membership.dataSource.query(
      `SELECT fields FROM personal_data_access WHERE actor = 'm2' AND member_id = $1`,
      [f.member.own],
    );
    expect(audit.fields).toEqual(['birthDate', 'idNumber']);
    const mate = await member(`query($id: ID!) { member(id: $id) { name } }`, { id: f.member.inScope });
    expect(mate.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWN_RECORD' });
    const list = await member(`query($org: ID!) { organizationMembers(organizationId: $org) { items { name } } }`, { org: f.org.own });
    expect(codeOf(list)).toBe('FORBIDDEN');
  });

  it('shows a member only their own line of an attendance list, and an analyst none', async () => {
    const held = await stack.as(ADMIN)(`mutation($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`, {
      input: {
        organizationId: f.org.own,
        type: 'THEMED_PARTY_DAY',
        record: { heldOn: '2026-11-05', topic: '主题党日：档案安全' },
        attendance: {
          entries: [
            { memberId: f.member.own, status: 'PRESENT' },
            { memberId: f.member.inScope, status: 'ABSENT' },
          ],
        },
      },
    });
    expect(held.errors).toBeUndefined();
    const LIST = `query($id: ID!) { activity(id: $id) { topic attendance { memberId status } } }`;
    const id = held.data.recordActivity.id;
    const cadre = await stack.as(callers[Role.PARTY_CADRE])(LIST, { id });
    expect(cadre.data.activity.attendance).toHaveLength(2);
    const member = await stack.as(callers[Role.MEMBER])(LIST, { id });
    expect(member.errors).toBeUndefined();
    expect(member.data.activity.attendance).toEqual([{ memberId: f.member.own, status: 'PRESENT' }]);
    const analyst = await stack.as(callers[Role.ANALYST])(LIST, { id });
    expect(analyst.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', operation: 'activity.read' });
    // Branch-mates' names through the attendance list: refused to the member like a direct read.
    const names = await stack.as(callers[Role.MEMBER])(`query($id: ID!) { activity(id: $id) { attendance { member { name } } } }`, { id });
    expect(names.data.activity.attendance).toEqual([{ member: { name: '周敏' } }]);
  });

  it('shows a receiving cadre an incoming member masked to the last four, without a birth date', async () => {
    const issued = await stack.as(ADMIN)(`mutation($input: IssueTransferInput!) { issueTransfer(input: $input) { id } }`, {
      input: { memberId: f.member.elsewhere, toOrganizationId: f.org.own, issuedOn: '2026-11-20' },
    });
    expect(issued.errors).toBeUndefined();
    const incoming = await stack.as(callers[Role.PARTY_CADRE])(
      `query($org: ID!) { memberTransfers(organizationId: $org) { items { member { name idNumber phone birthDate age } } } }`,
      { org: f.org.own },
    );
    expect(incoming.errors).toBeUndefined();
    expect(incoming.data.memberTransfers.items).toEqual([
      {
        member: {
          name: '郑洁',
          idNumber: `**************${f.idNumber.elsewhere.slice(-4)}`,
          phone: '*******5678',
          birthDate: null,
          age: 34,
        },
      },
    ]);
  });

  it('shows a village secretary their village’s problems, an agency cadre their pairs, a member their own pair', async () => {
    const admin = stack.as(ADMIN);
    const proposed = await admin(`mutation($input: ProposePairInput!) { proposePair(input: $input) { id } }`, {
      input: { helperId: f.org.own, helpedId: village.mine },
    });
    expect(proposed.errors).toBeUndefined();
    const pairId = proposed.data.proposePair.id;
    expect(
      (await admin(`mutation($id: ID!) { activatePair(id: $id, startsOn: "2026-01-01") { id } }`, { id: pairId })).errors,
    ).toBeUndefined();
    const memberPair = await admin(`mutation($input: MemberPairInput!) { createMemberPair(input: $input) { id } }`, {
      input: { agencyMemberId: f.member.own, ruralMemberId: village.member, pairId },
    });
    expect(memberPair.errors).toBeUndefined();

    // 村党支部书记: records the visit and sees the problem assigned to the village, not another village's.
    const secretary = stack.as({ subject: 'secretary', name: '东村书记', roles: [Role.PARTY_CADRE], scope: [village.mine] });
    const visits = await secretary(
      `mutation($org: ID!, $visits: [VisitInput!]!) { recordVisits(organizationId: $org, visits: $visits) { problems } }`,
      {
        org: village.mine,
        visits: [
          {
            household: '3组12号',
            visitedOn: '2026-11-01',
            visitorMemberIds: [village.member],
            problem: { category: 'INFRASTRUCTURE', description: '村道路灯不亮', assignee: 'A-03', deadline: '2026-11-10' },
          },
        ],
      },
    );
    expect(visits.errors).toBeUndefined();
    const PROBLEMS = `query($org: ID!) { organization(id: $org) { openProblems { totalCount items { description } } } overdueProblems(assigneeId: $org) { totalCount } }`;
    const own = await secretary(PROBLEMS, { org: village.mine });
    expect(own.errors).toBeUndefined();
    expect(own.data.organization.openProblems).toEqual({ totalCount: 1, items: [{ description: '村道路灯不亮' }] });
    expect(own.data.overdueProblems.totalCount).toBe(1);
    const other = await secretary(`query($org: ID!) { overdueProblems(assigneeId: $org) { totalCount } }`, { org: village.other });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', operation: 'pairing.problems', reason: 'OUT_OF_SCOPE' });
    // A member never sees problem lists, even of their own branch.
    const member = stack.as(callers[Role.MEMBER]);
    const refused = await member(`query($org: ID!) { overdueProblems(assigneeId: $org) { totalCount } }`, { org: f.org.own });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED' });

    // 机关干部: sees the agency's pairs, and the pair itself; a cadre of another agency does not.
    const agencyCadre = stack.as({ subject: 'agency', name: '档案局组织委员', roles: [Role.PARTY_CADRE], scope: [f.org.own] });
    const pairs = await agencyCadre(
      `query($org: ID!, $id: ID!) { organization(id: $org) { pairs { id helped { id } } } pair(id: $id) { status } }`,
      {
        org: f.org.own,
        id: pairId,
      },
    );
    expect(pairs.errors).toBeUndefined();
    expect(pairs.data.organization.pairs).toEqual([{ id: pairId, helped: { id: village.mine } }]);
    expect(pairs.data.pair.status).toBe('ACTIVE');
    const stranger = stack.as({ subject: 'stranger', name: '民政局组织委员', roles: [Role.PARTY_CADRE], scope: [f.org.elsewhere] });
    const notTheirs = await stranger(`query($id: ID!) { pair(id: $id) { status } }`, { id: pairId });
    expect(notTheirs.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', operation: 'pairing.read' });

    // 党员: their own pair, by the member record their token names.
    const mine = await member(`query($id: ID!) { member(id: $id) { memberPair { ruralMember { id } } } }`, { id: f.member.own });
    expect(mine.errors).toBeUndefined();
    expect(mine.data.member.memberPair).toEqual({ ruralMember: { id: village.member } });
    const mate = await member(`query($id: ID!) { member(id: $id) { memberPair { id } } }`, { id: f.member.inScope });
    expect(mate.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
  });
});
