import { eventually } from '@partybuild/testing';
import { ADMIN, TestStack, createOrg, startTestStack } from './fixtures';

describe('assessment subgraph', () => {
  let stack: TestStack;
  let root: string;
  let branch: string;
  const admin = () => stack.as(ADMIN);

  beforeAll(async () => {
    stack = await startTestStack();
    root = await createOrg(stack, { code: 'K', name: '区直机关工委', kind: 'WORKING_COMMITTEE' });
    branch = await createOrg(stack, { code: 'K-1', name: '交通局机关党支部', kind: 'BRANCH', parentId: root });
    await eventually(
      async () =>
        (await stack.services.assessment.dataSource.query(`SELECT 1 FROM org_node WHERE id = ANY($1::uuid[])`, [[root, branch]])).length ===
        2
          ? true
          : undefined,
      15_000,
      'the organisations to reach the assessment service',
    );
  }, 60_000);
  afterAll(() => stack?.stop());

  it('answers through the gateway with the rules of the year', async () => {
    const result = await admin()(`{ assessmentRules(year: 2026) { topTenCount topTenMinScore modelPostRatio } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.assessmentRules).toEqual({ topTenCount: 10, topTenMinScore: 90, modelPostRatio: 0.1 });
  });
});
