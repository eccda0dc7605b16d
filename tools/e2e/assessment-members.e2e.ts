import { Role } from '@partybuild/auth';
import { eventually } from '@partybuild/testing';
import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';
import { askAssessment, publishMembers, reachedAssessment, registerMembers } from './assessment-fixtures';

const NOMINATE = `mutation($input: NominateModelPostInput!, $key: String) { nominateModelPost(input: $input, idempotencyKey: $key) { id status } }`;
const DECIDE = `mutation($id: ID!, $confirm: Boolean!, $reason: String) { decideModelPost(id: $id, confirm: $confirm, reason: $reason) { status reason } }`;
const APPRAISE = `mutation($input: RecordAppraisalsInput!) { recordAppraisals(input: $input) { memberId grade } }`;
const PAY = `mutation($input: DuesPaymentInput!) { recordDuesPayment(input: $input) { months } }`;
const INDEX = `query($rep: [_Any!]!) { _entities(representations: $rep) { ... on Member {
  appraisal(year: 2026) { grade }
  pioneerIndex(period: "2026") { total rankInBranch branchSize rankInCommittee committeeSize noData breakdown { fact month points detail } }
} } }`;

describe('member appraisal, model posts and the pioneer index', () => {
  let stack: TestStack;
  let root: string;
  let committee: string;
  let big: string;
  let small: string;
  let inService: string[];
  let retired: string[];
  let smallMembers: string[];
  const admin = () => stack.as(ADMIN, 'zh-CN');

  beforeAll(async () => {
    stack = await startTestStack();
    root = await createOrg(stack, { code: 'P', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    committee = await createOrg(stack, { code: 'P-1', name: '交通局党委', kind: 'PARTY_COMMITTEE', parentId: root });
    big = await createOrg(stack, { code: 'P-1-1', name: '交通局机关第一党支部', kind: 'BRANCH', parentId: committee });
    small = await createOrg(stack, { code: 'P-1-2', name: '交通局运输科党支部', kind: 'BRANCH', parentId: committee });
    await reachedAssessment(stack, 'org_node', [root, committee, big, small]);
    inService = await publishMembers(stack, { id: big, path: [root, committee, big] }, 100);
    retired = await publishMembers(stack, { id: big, path: [root, committee, big] }, 5, 'RETIRED');
    smallMembers = await registerMembers(stack, small, 3, { seq: 10 });
    await reachedAssessment(stack, 'member', smallMembers);
  }, 120_000);
  afterAll(() => stack?.stop());

  it('lets a 100-member branch nominate 10 model posts and refuses the 11th with the number allowed', async () => {
    const posts: string[] = [];
    for (const [i, memberId] of inService.slice(0, 10).entries()) {
      const result = await admin()(NOMINATE, { input: { branchId: big, memberId, year: 2026, title: `窗口服务示范岗${i + 1}` } });
      expect(result.errors).toBeUndefined();
      posts.push(result.data.nominateModelPost.id);
    }
    const eleventh = await admin()(NOMINATE, { input: { branchId: big, memberId: inService[10], year: 2026, title: '第11个示范岗' } });
    expect(codeOf(eleventh)).toBe('MODEL_POSTS_OVER_CAP');
    expect(eleventh.errors?.[0].message).toBe(
      '示范岗不得超过在职党员的10%（不足10名在职党员的支部可推荐1个）：本支部在职党员 100 名，最多推荐 10 个，本次推荐后将达 11 个。',
    );
    expect(eleventh.errors?.[0].extensions).toMatchObject({ allowed: 10, inService: 100, requested: 11 });
    const notInService = await admin()(NOMINATE, { input: { branchId: big, memberId: retired[0], year: 2026, title: '退休党员' } });
    expect(codeOf(notInService)).toBe('MEMBER_NOT_IN_BRANCH');
    const quota = await admin()(`query($o: ID!) { organization(id: $o) { modelPostQuota(year: 2026) { inService allowed used } } }`, {
      o: big,
    });
    expect(quota.data.organization.modelPostQuota).toEqual({ inService: 100, allowed: 10, used: 10 });

    // The branch's own cadre cannot decide; the working committee's can, and a rejection needs its reason.
    const branchCadre = stack.as({ subject: 'b', name: '支部书记', roles: [Role.PARTY_CADRE], scope: [big] }, 'zh-CN');
    expect(codeOf(await branchCadre(DECIDE, { id: posts[0], confirm: true }))).toBe('NOT_WORKING_COMMITTEE');
    const workingCommittee = stack.as({ subject: 'w', name: '机关工委', roles: [Role.PARTY_CADRE], scope: [root] }, 'zh-CN');
    expect(codeOf(await workingCommittee(DECIDE, { id: posts[1], confirm: false }))).toBe('TEXT_TOO_LONG');
    expect((await workingCommittee(DECIDE, { id: posts[0], confirm: true })).data.decideModelPost).toEqual({
      status: 'CONFIRMED',
      reason: null,
    });
    expect((await workingCommittee(DECIDE, { id: posts[1], confirm: false, reason: '事迹材料不足' })).data.decideModelPost).toEqual({
      status: 'REJECTED',
      reason: '事迹材料不足',
    });
    expect(codeOf(await workingCommittee(DECIDE, { id: posts[1], confirm: true }))).toBe('MODEL_POST_DECIDED');
    // The rejected place is free again.
    const again = await admin()(NOMINATE, {
      input: { branchId: big, memberId: inService[10], year: 2026, title: '第11个示范岗' },
      key: 'np-11',
    });
    const repeat = await admin()(NOMINATE, {
      input: { branchId: big, memberId: inService[10], year: 2026, title: '第11个示范岗' },
      key: 'np-11',
    });
    expect(again.errors).toBeUndefined();
    expect(repeat.data.nominateModelPost.id).toBe(again.data.nominateModelPost.id);
  });

  it('caps 优秀 in an appraisal, refuses people outside the branch, and follows up 不合格 until closed', async () => {
    const [a, b, c] = smallMembers;
    const overCap = await admin()(APPRAISE, {
      input: {
        branchId: small,
        year: 2026,
        entries: [
          { memberId: a, grade: 'EXCELLENT' },
          { memberId: b, grade: 'EXCELLENT' },
        ],
      },
    });
    expect(codeOf(overCap)).toBe('EXCELLENT_OVER_CAP');
    expect(overCap.errors?.[0].message).toBe('评为“优秀”的党员不得超过参评党员的 30%：本支部 3 名参评党员最多 1 名优秀，本次合计为 2 名。');
    const stranger = await admin()(APPRAISE, {
      input: { branchId: small, year: 2026, entries: [{ memberId: inService[0], grade: 'QUALIFIED' }] },
    });
    expect(codeOf(stranger)).toBe('MEMBER_NOT_IN_BRANCH');
    expect(
      codeOf(await admin()(APPRAISE, { input: { branchId: committee, year: 2026, entries: [{ memberId: a, grade: 'QUALIFIED' }] } })),
    ).toBe('NOT_A_BRANCH');
    const none = await admin()(`query($o: ID!) { openAppraisalFollowUps(under: $o) { id } }`, { o: root });
    expect(none.data.openAppraisalFollowUps).toEqual([]);

    const recorded = await admin()(APPRAISE, {
      input: {
        branchId: small,
        year: 2026,
        entries: [
          { memberId: a, grade: 'EXCELLENT' },
          { memberId: b, grade: 'QUALIFIED' },
          { memberId: c, grade: 'UNQUALIFIED' },
        ],
      },
    });
    expect(recorded.errors).toBeUndefined();
    // A later decision of the same year still counts against the cap.
    expect(
      codeOf(await admin()(APPRAISE, { input: { branchId: small, year: 2026, entries: [{ memberId: b, grade: 'EXCELLENT' }] } })),
    ).toBe('EXCELLENT_OVER_CAP');
    const open = await admin()(`query($o: ID!) { openAppraisalFollowUps(under: $o) { id memberId deadline status } }`, { o: root });
    expect(open.data.openAppraisalFollowUps).toEqual([{ id: expect.any(String), memberId: c, deadline: '2027-05-22', status: 'OPEN' }]);
    const id = open.data.openAppraisalFollowUps[0].id;
    const closed = await admin()(
      `mutation($id: ID!) { closeAppraisalFollowUp(id: $id, outcome: "已限期改正，经支部大会评议合格") { status } }`,
      { id },
    );
    expect(closed.data.closeAppraisalFollowUp.status).toBe('CLOSED');
    expect(codeOf(await admin()(`mutation($id: ID!) { closeAppraisalFollowUp(id: $id, outcome: "再次") { status } }`, { id }))).toBe(
      'ALREADY_CLOSED',
    );
    expect((await admin()(`query($o: ID!) { openAppraisalFollowUps(under: $o) { id } }`, { o: root })).data.openAppraisalFollowUps).toEqual(
      [],
    );
  });

  it('explains every point of the pioneer index, ranks it, follows new dues at once, and shows each member only their own', async () => {
    const [a, b] = smallMembers;
    expect((await admin()(PAY, { input: { memberId: a, months: ['2026-11'], paidOn: '2026-11-15' } })).errors).toBeUndefined();
    const self = { subject: `member-${a}`, name: '党员', roles: [Role.MEMBER], scope: [], memberId: a };
    const read = async (caller = self, id = a) => askAssessment(stack, caller, INDEX, { rep: [{ __typename: 'Member', id }] });
    const first = await eventually(
      async () => {
        const r = await read();
        return r.data?._entities[0]?.pioneerIndex?.breakdown.length === 2 ? r : undefined;
      },
      10_000,
      'the dues payment to reach the index',
    );
    expect(first.data._entities[0]).toEqual({
      appraisal: { grade: 'EXCELLENT' },
      pioneerIndex: {
        total: 12,
        rankInBranch: 1,
        branchSize: 3,
        rankInCommittee: 1,
        committeeSize: 108,
        noData: ['MEETING_ATTENDED', 'MICRO_WISH', 'PAIRING_SERVICE', 'DEVELOPMENT_DUTY'],
        breakdown: [
          { fact: 'DUES_ON_TIME', month: '2026-11', points: 2, detail: '按时交纳党费 2026-11-15：2026-11' },
          { fact: 'APPRAISAL', month: '2026-12', points: 10, detail: '民主评议优秀' },
        ],
      },
    });
    // Another month paid on time (ahead): the index moves as the event arrives, no batch.
    await admin()(PAY, { input: { memberId: a, months: ['2026-12'], paidOn: '2026-11-20' } });
    await eventually(
      async () => ((await read()).data?._entities[0]?.pioneerIndex?.total === 14 ? true : undefined),
      5_000,
      'the index to follow',
    );
    // b has paid nothing yet and is 合格: 6 points, second in the branch.
    const other = await read({ ...self, memberId: b }, b);
    expect(other.data._entities[0].pioneerIndex).toMatchObject({ total: 6, rankInBranch: 2 });
    const refused = await read(self, b);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', operation: 'assessment.member', reason: 'NOT_OWN_RECORD' });
  });
});
