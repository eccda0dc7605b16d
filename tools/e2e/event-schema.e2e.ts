import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { eventTopics as topics, eventsSchema as schema } from '@partybuild/contracts';
import { eventually } from '@partybuild/testing';
import { ADMIN, TestStack, createOrg, startTestStack } from './fixtures';
import { dataOf } from '../dev/graphql-client';
import { branchScheme, publishMembers, reachedAssessment } from './assessment-fixtures';

/** 18-character ID numbers and mainland mobile numbers: neither may appear in the feed. */
const PERSONAL_DATA = /\b\d{17}[\dXx]\b|\b1[3-9]\d{9}\b/;

describe('the documented event feed', () => {
  let stack: TestStack;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  beforeAll(async () => {
    stack = await startTestStack();
    const root = await createOrg(stack, { code: 'F', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    const a = await createOrg(stack, {
      code: 'F-A',
      name: '甲党委',
      kind: 'PARTY_COMMITTEE',
      parentId: root,
      departmentCategory: 'ECONOMIC',
      staffCount: 80,
    });
    const b = await createOrg(stack, { code: 'F-B', name: '乙党委', kind: 'PARTY_COMMITTEE', parentId: root });
    const branch = await createOrg(stack, { code: 'F-A-1', name: '甲一支部', kind: 'BRANCH', parentId: a });
    const admin = stack.as(ADMIN);
    await admin(`mutation($id: ID!) { updateOrganization(id: $id, input: { name: "甲一支部（更名）", hostingUnit: "区交通局" }) { id } }`, {
      id: branch,
    });
    await admin(`mutation($id: ID!, $to: ID!) { moveOrganization(id: $id, newParentId: $to) { id } }`, { id: branch, to: b });
    await admin(
      `mutation($id: ID!) { recordElection(input: { organizationId: $id, heldOn: "2025-01-01", committee: [{ personName: "张伟", role: SECRETARY }] }) { id } }`,
      { id: branch },
    );
    const temp = await createOrg(stack, {
      code: 'F-T',
      name: '防汛临时党支部',
      kind: 'TEMPORARY_ORGANIZATION',
      parentId: root,
      endsOn: '2027-01-31',
    });
    await admin(`mutation($id: ID!) { dissolveOrganization(id: $id) { id } }`, { id: temp });
    await eventually(async () => ((await stack.eventLog()).length >= 10 ? true : undefined), 15_000, 'the events to be published');
  });
  afterAll(() => stack?.stop());

  it('validates every event the services published against the schema', async () => {
    const events = await stack.eventLog();
    const types = new Set<string>();
    for (const event of events) {
      const value = JSON.parse(event.value);
      types.add(value.type);
      expect({ type: value.type, valid: validate(value), errors: validate.errors ?? null }).toEqual({
        type: value.type,
        valid: true,
        errors: null,
      });
      expect(event.key).toBe(value.subject);
      expect((topics.topics as Record<string, { types: string[] }>)[event.topic].types).toContain(value.type);
      expect(event.value).not.toMatch(PERSONAL_DATA);
    }
    expect([...types].sort()).toEqual(
      [
        'organization.created',
        'organization.updated',
        'organization.moved',
        'organization.election-recorded',
        'organization.committee-changed',
        'organization.dissolved',
      ].sort(),
    );
  });

  it('rejects an event that breaks the schema, such as a member carrying an ID number', async () => {
    const [first] = await stack.eventLog();
    const event = JSON.parse(first.value);
    expect(validate({ ...event, specversion: '0.3' })).toBe(false);
    expect(validate({ ...event, data: { organization: { ...event.data.organization, kind: 'CLUB' } } })).toBe(false);
    const memberEvent = {
      ...event,
      source: 'partybuild/membership',
      type: 'membership.member.registered',
      // Version 1: a member without dues (version 2 and later carry them).
      schemaversion: 1,
      data: {
        member: {
          id: event.subject,
          organizationId: event.subject,
          partyGroupId: null,
          stage: 'FULL',
          status: 'ACTIVE',
          category: 'IN_SERVICE',
          gender: 'MALE',
          birthDate: '1980-01-01',
          education: null,
          ethnicity: null,
          joinedOn: null,
          fullMemberSince: null,
          votingRights: true,
        },
      },
    };
    expect(validate(memberEvent)).toBe(true);
    expect(validate({ ...memberEvent, data: { member: { ...memberEvent.data.member, idNumber: '11010519491231002X' } } })).toBe(false);
  });
});

describe('the documented event feed of the assessment service', () => {
  let stack: TestStack;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  it('validates every kind of assessment event against the schema', async () => {
    const admin = stack.as(ADMIN);
    const must = async (query: string, variables: Record<string, unknown> = {}) => dataOf(await admin(query, variables));
    const root = await createOrg(stack, { code: 'E', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    const branch = await createOrg(stack, { code: 'E-1', name: '甲支部', kind: 'BRANCH', parentId: root });
    await reachedAssessment(stack, 'org_node', [root, branch]);
    const members = await publishMembers(stack, { id: branch, path: [root, branch] }, 3);
    const scheme = (await must(`mutation($i: SchemeInput!) { createAssessmentScheme(input: $i) { id } }`, { i: branchScheme(2026) }))
      .createAssessmentScheme.id;
    await must(`mutation($id: ID!, $i: SchemeInput!) { updateAssessmentScheme(id: $id, input: $i) { id } }`, {
      id: scheme,
      i: branchScheme(2026),
    });
    const round = (
      await must(`mutation($i: OpenRoundInput!) { openAssessmentRound(input: $i) { id } }`, {
        i: { organizationId: branch, schemeId: scheme, year: 2026 },
      })
    ).openAssessmentRound.id;
    await must(
      `mutation($id: ID!) { scoreIndicator(roundId: $id, input: { indicatorCode: "2", points: 25, evidence: "学习记录" }) { id } }`,
      { id: round },
    );
    await must(`mutation($id: ID!) { advanceAssessmentRound(id: $id) { id } }`, { id: round });
    await must(
      `mutation($id: ID!) { recordDeduction(roundId: $id, input: { indicatorCode: "1.3", points: 2, reason: "记录不全" }) { id } }`,
      { id: round },
    );
    await must(`mutation($id: ID!) { advanceAssessmentRound(id: $id) { id } }`, { id: round });
    await must(`mutation($id: ID!) { closeAssessmentRound(id: $id) { id } }`, { id: round });
    await must(`mutation($i: RecordAppraisalsInput!) { recordAppraisals(input: $i) { grade } }`, {
      i: {
        branchId: branch,
        year: 2026,
        entries: [
          { memberId: members[0], grade: 'EXCELLENT' },
          { memberId: members[1], grade: 'UNQUALIFIED' },
        ],
      },
    });
    const [followUp] = (await must(`query($o: ID!) { openAppraisalFollowUps(under: $o) { id } }`, { o: branch })).openAppraisalFollowUps;
    await must(`mutation($id: ID!) { closeAppraisalFollowUp(id: $id, outcome: "已改正") { id } }`, { id: followUp.id });
    const post = (
      await must(`mutation($i: NominateModelPostInput!) { nominateModelPost(input: $i) { id } }`, {
        i: { branchId: branch, memberId: members[2], year: 2026, title: '服务示范岗' },
      })
    ).nominateModelPost.id;
    await must(`mutation($id: ID!) { decideModelPost(id: $id, confirm: true) { id } }`, { id: post });
    await must(`mutation($i: SecretaryReportInput!) { recordSecretaryReport(input: $i) { id } }`, {
      i: { organizationId: branch, year: 2026, secretaryName: '王书记', grade: 'EXCELLENT', summary: '好' },
    });
    const notice = await must(`mutation($i: NoticeInput!) { issueNotice(input: $i) { rectifications { id } } }`, {
      i: {
        issuerId: root,
        title: '通报',
        commended: [branch],
        rectifications: [{ ownerId: branch, item: '整改', deadline: '2026-12-31' }],
      },
    });
    await must(`mutation($id: ID!) { closeRectification(id: $id, outcome: "已整改") { id } }`, {
      id: notice.issueNotice.rectifications[0].id,
    });

    const expected = (topics.topics as Record<string, { types: string[] }>)['partybuild.assessment'].types;
    const events = await eventually(
      async () => {
        const found = (await stack.eventLog()).filter((e) => e.topic === 'partybuild.assessment');
        return new Set(found.map((e) => JSON.parse(e.value).type)).size === expected.length ? found : undefined;
      },
      15_000,
      'every kind of assessment event to be published',
    );
    for (const event of events) {
      const value = JSON.parse(event.value);
      expect({ type: value.type, valid: validate(value), errors: validate.errors ?? null }).toEqual({
        type: value.type,
        valid: true,
        errors: null,
      });
      expect(event.key).toBe(value.subject);
      expect(event.value).not.toMatch(PERSONAL_DATA);
      expect(event.value).not.toContain('王书记');
    }
  });
});
