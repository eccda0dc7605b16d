import { randomUUID } from 'node:crypto';
import { MembershipEventType, MemberSnapshot } from '@partybuild/contracts';
import { createEnvelope } from '@partybuild/events';
import { eventually } from '@partybuild/testing';
import { ADMIN, TestStack, codeOf, createOrg, startTestStack } from './fixtures';

/** A member as the membership service announces them (no personal data). */
const member = (organizationId: string, stage = 'FULL', status = 'ACTIVE'): MemberSnapshot => ({
  id: randomUUID(),
  organizationId,
  partyGroupId: null,
  stage,
  status,
  category: 'IN_SERVICE',
  gender: 'FEMALE',
  birthDate: '1985-06-01',
  education: null,
  ethnicity: null,
  joinedOn: '2010-07-01',
  fullMemberSince: '2011-07-01',
  votingRights: stage === 'FULL',
});

const registered = (m: MemberSnapshot) =>
  createEnvelope('membership', {
    type: MembershipEventType.REGISTERED,
    aggregateId: m.id,
    organizationId: m.organizationId,
    organizationPath: [],
    actor: 'test',
    data: { member: m },
  });

describe('the organisation tree and the members in it', () => {
  let stack: TestStack;
  let root: string, small: string, large: string, empty: string;
  const structure = `query($id: ID!) { organization(id: $id) { structure { members fullMembers committeeMembers issues } } }`;

  beforeAll(async () => {
    stack = await startTestStack();
    root = await createOrg(stack, { code: 'M', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    small = await createOrg(stack, { code: 'M-1', name: '小支部', kind: 'BRANCH', parentId: root });
    large = await createOrg(stack, { code: 'M-2', name: '大支部', kind: 'BRANCH', parentId: root });
    empty = await createOrg(stack, { code: 'M-3', name: '空支部', kind: 'BRANCH', parentId: root });
    const members = [
      member(small),
      member(small),
      member(small, 'PROBATIONARY'),
      member(small, 'ACTIVIST'),
      ...Array.from({ length: 8 }, () => member(large)),
    ];
    await stack.publish(members.map(registered));
    await eventually(
      async () => {
        const { data } = await stack.as(ADMIN)(structure, { id: large });
        return data?.organization.structure.members === 8 ? true : undefined;
      },
      15_000,
      'the membership events to reach the organisation service',
    );
  });
  afterAll(() => stack?.stop());

  it('counts members from the membership events and reports the structural rules', async () => {
    const smallBranch = await stack.as(ADMIN)(structure, { id: small });
    expect(smallBranch.data.organization.structure).toEqual({
      members: 3,
      fullMembers: 2,
      committeeMembers: 0,
      issues: ['TOO_FEW_FULL_MEMBERS'],
    });
    const largeBranch = await stack.as(ADMIN)(structure, { id: large });
    expect(largeBranch.data.organization.structure.issues).toEqual(['NO_COMMITTEE']);
    const report = await stack.as(ADMIN)(
      `query($root: ID!) { branchesBreakingRules(under: $root) { totalCount items { organization { code } issues } } }`,
      { root },
    );
    expect(report.data.branchesBreakingRules.items).toEqual([
      { organization: { code: 'M-1' }, issues: ['TOO_FEW_FULL_MEMBERS'] },
      { organization: { code: 'M-2' }, issues: ['NO_COMMITTEE'] },
      { organization: { code: 'M-3' }, issues: ['TOO_FEW_FULL_MEMBERS'] },
    ]);
  });

  it('clears NO_COMMITTEE once a committee of three is elected', async () => {
    const elected = await stack.as(ADMIN)(
      `mutation($id: ID!) { recordElection(input: { organizationId: $id, heldOn: "2026-10-01", committee: [
      { personName: "甲", role: SECRETARY }, { personName: "乙", role: ORGANIZATION_MEMBER }, { personName: "丙", role: DISCIPLINE_MEMBER }] }) { id } }`,
      { id: large },
    );
    expect(elected.errors).toBeUndefined();
    const { data } = await stack.as(ADMIN)(structure, { id: large });
    expect(data.organization.structure).toMatchObject({ committeeMembers: 3, issues: [] });
  });

  it('refuses to dissolve a branch that still has members, and dissolves it once they have left', async () => {
    const refused = await stack.as(ADMIN)(`mutation($id: ID!) { dissolveOrganization(id: $id) { status } }`, { id: small });
    expect(codeOf(refused)).toBe('ORGANIZATION_HAS_MEMBERS');
    expect(refused.errors?.[0].message).toMatch(/still has 4 member record/);
    const dissolved = await stack.as(ADMIN)(`mutation($id: ID!) { dissolveOrganization(id: $id) { status } }`, { id: empty });
    expect(dissolved.data.dissolveOrganization.status).toBe('DISSOLVED');
  });
});
