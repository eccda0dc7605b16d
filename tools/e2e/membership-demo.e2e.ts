import { Role } from '@partybuild/auth';
import { seedDemoDistrict } from '../seed/demo-district';
import { ADMIN, TestStack, codeOf, startTestStack } from './fixtures';

/** The demo district as `npm start` seeds it: people to develop, and what is due for them. */
describe('the demo district’s members through the gateway', () => {
  let stack: TestStack;
  let branch: string;
  const admin = () => stack.as(ADMIN);

  beforeAll(async () => {
    stack = await startTestStack();
    await seedDemoDistrict(stack.gatewayUrl, stack.tokenFor(ADMIN));
    branch = (await admin()(`{ organizationByCode(code: "HC-JT-01") { id } }`)).data.organizationByCode.id;
  });
  afterAll(() => stack?.stop());

  it('seeds people in the branches, and a cadre sees them with the branch structure', async () => {
    const cadre = stack.as({ subject: 'cadre', name: '交通局组织委员', roles: [Role.PARTY_CADRE], scope: [branch] });
    const { data, errors } = await cadre(
      `query($id: ID!) {
      organization(id: $id) { name members(first: 50) { totalCount items { name stage nextSteps { step } } } }
    }`,
      { id: branch },
    );
    expect(errors).toBeUndefined();
    expect(data.organization.members.totalCount).toBe(7);
    const applicant = data.organization.members.items.find((m: { name: string }) => m.name === '陈晨');
    expect(applicant).toEqual({ name: '陈晨', stage: 'APPLICANT', nextSteps: [{ step: 'APPLICATION_SUBMITTED' }] });
  });

  it('lists what is due: an activist past the half-year review, a probation ending within 30 days', async () => {
    const { data, errors } = await admin()(
      `query($id: ID!) {
      developmentDue(organizationId: $id, withinDays: 30) { totalCount items { kind dueOn member { name } } }
    }`,
      { id: branch },
    );
    expect(errors).toBeUndefined();
    expect(data.developmentDue.items).toEqual([
      { kind: 'ACTIVIST_REVIEW_DUE', dueOn: '2026-04-09', member: { name: '刘洋' } },
      { kind: 'PROBATION_ENDING', dueOn: '2026-12-10', member: { name: '赵敏' } },
    ]);
  });

  it('starts the development of the demo applicant and refuses a step too early', async () => {
    const { data } = await admin()(`query($id: ID!) { organization(id: $id) { members(stages: [APPLICANT]) { items { id } } } }`, {
      id: branch,
    });
    const id = data.organization.members.items[0].id;
    const first = await admin()(
      `mutation($id: ID!) { recordDevelopmentStep(memberId: $id, input: { step: APPLICATION_SUBMITTED, on: "2026-11-02" }) { stage lastStep } }`,
      { id },
    );
    expect(first.data.recordDevelopmentStep).toEqual({ stage: 'APPLICANT', lastStep: 1 });
    const early = await admin()(
      `mutation($id: ID!) { recordDevelopmentStep(memberId: $id, input: { step: ACTIVIST_DESIGNATED, on: "2026-11-10" }) { stage } }`,
      { id },
    );
    expect(codeOf(early)).toBe('STEP_OUT_OF_ORDER');
    expect(early.errors?.[0].message).toMatch(/next step is 2\. 党组织派人谈话/);
  });
});
