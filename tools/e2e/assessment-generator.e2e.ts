import { Role } from '@partybuild/auth';
import { SMALL_DISTRICT, generateRealisticDistrict } from '../generate/realistic-district';
import { TODAY, TestStack, startTestStack } from './fixtures';

describe('the realistic district with its assessment work', () => {
  let stack: TestStack;
  const admin = { subject: 'generator', name: 'generator', roles: [Role.DISTRICT_ADMIN], scope: [] };

  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.stop());

  it('opens a round for every branch, appraises their members and nominates model posts, once whatever the runs', async () => {
    const token = stack.tokenFor(admin);
    const district = await generateRealisticDistrict(stack.gatewayUrl, token, SMALL_DISTRICT, { today: TODAY, tag: 'G', assessment: true });
    expect(district.assessment).toMatchObject({ rounds: SMALL_DISTRICT.branches, nominations: SMALL_DISTRICT.branches });
    const db = stack.services.assessment.dataSource;
    const [counts] = await db.query(
      `SELECT (SELECT count(*)::int FROM scheme) AS schemes, (SELECT count(*)::int FROM round WHERE year = 2026) AS rounds,
              (SELECT count(*)::int FROM appraisal WHERE year = 2026) AS appraisals,
              (SELECT count(*)::int FROM appraisal WHERE grade = 'EXCELLENT') AS excellent,
              (SELECT count(*)::int FROM model_post WHERE year = 2026) AS posts`,
    );
    expect(counts).toMatchObject({ schemes: 1, rounds: SMALL_DISTRICT.branches, posts: SMALL_DISTRICT.branches });
    expect(counts.appraisals).toBe(district.assessment?.appraisals);
    expect(counts.excellent).toBeGreaterThan(0);
    expect(counts.excellent).toBeLessThanOrEqual(Math.floor(counts.appraisals * 0.3));
  }, 600_000);
});
