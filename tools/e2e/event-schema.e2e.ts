import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { eventTopics as topics, eventsSchema as schema } from '@partybuild/contracts';
import { eventually } from '@partybuild/testing';
import { ADMIN, TestStack, createOrg, startTestStack } from './fixtures';

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
