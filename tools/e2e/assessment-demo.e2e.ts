import { seedDemoDistrict } from '../seed/demo-district';
import { seedDemoAssessment } from '../seed/demo-assessment';
import { eventually } from '@partybuild/testing';
import { ADMIN, TODAY, TestStack, startTestStack } from './fixtures';

/** The demo as `npm start` seeds it: last year's stars and 十佳, this year's open rounds following the meetings. */
describe('the demo district’s assessment', () => {
  let stack: TestStack;
  const admin = () => stack.as(ADMIN, 'zh-CN');

  beforeAll(async () => {
    stack = await startTestStack();
    const token = stack.tokenFor(ADMIN);
    await seedDemoDistrict(stack.gatewayUrl, token);
    expect(await seedDemoAssessment(stack.gatewayUrl, token, TODAY)).toEqual({ closedRounds: 8, openRounds: 8 });
  }, 300_000);
  afterAll(() => stack?.stop());

  it('shows last year’s ranking with stars, a veto and the 十佳 list', async () => {
    const { data, errors } = await admin()(`{
      assessmentRanking(year: 2025) { items { organization { name } finalScore stars grade vetoed rank } }
      topTenOrganizations(year: 2025) { organization { name } finalScore }
    }`);
    expect(errors).toBeUndefined();
    expect(data.assessmentRanking.items.map((r: any) => [r.organization.name, r.finalScore, r.stars, r.vetoed])).toEqual([
      ['合川区交通局机关党支部', 100, 5, false],
      ['合川区政法委机关党支部', 97.5, 5, false],
      ['钱塘镇大柱村党支部', 96.25, 5, false],
      ['合川区运输管理所第一党支部', 91.88, 4, false],
      ['合川区司法局机关党支部', 83.75, 3, false],
      ['合川区运输管理所第二党支部', 73.75, 2, true],
      ['钱塘镇黄龙村党支部', 71.25, 2, false],
      ['钱塘镇滨江社区党支部', 65.63, 2, false],
    ]);
    expect(data.topTenOrganizations.map((r: any) => r.organization.name)).toEqual([
      '合川区交通局机关党支部',
      '合川区政法委机关党支部',
      '钱塘镇大柱村党支部',
      '合川区运输管理所第一党支部',
    ]);
  });

  it('keeps this year’s rounds open with automatic indicators from the meetings recorded so far', async () => {
    const { data, errors } = await admin()(`{ organizationByCode(code: "HC-JT-01") { assessment(year: 2026) {
      phase vetoes facts { fact value } indicators { code score noData } } } }`);
    expect(errors).toBeUndefined();
    const round = data.organizationByCode.assessment;
    expect(round.phase).toBe('SELF_ASSESSMENT');
    const facts = Object.fromEntries(round.facts.map((f: any) => [f.fact, f.value]));
    // Every slot up to 2026-11-22 was held, November's themed day included.
    expect(facts.MEETING_COMPLIANCE).toBe(1);
    expect(facts.PAIRING_SERVICES).toBeNull();
    // Elected 2023-03-15 for three years: the term has run out, and the veto shows while the round is open.
    expect(round.vetoes).toEqual(['未按期换届']);
    expect(round.indicators.find((i: any) => i.code === '4').noData).toBe(true);
  });

  it('gives the statistics last year’s stars and 十佳 and this year’s appraisal and model post', async () => {
    const read = async () =>
      (
        await admin()(`{ organizationByCode(code: "HC") {
          last: statistics(period: "2025") { assessment { rated topTen byStars { key count } averagePioneerIndex } }
          now: statistics(period: "2026") { assessment { rated byAppraisal { key count } modelPostsConfirmed } } } }`)
      ).data?.organizationByCode;
    const figures = await eventually(
      async () => {
        const f = await read();
        return f && f.last.assessment.rated === 8 && f.now.assessment.modelPostsConfirmed === 1 ? f : undefined;
      },
      30_000,
      'the assessment events to reach the statistics',
    );
    expect(figures.last.assessment.topTen).toBe(4);
    expect(figures.last.assessment.byStars).toEqual([
      { key: '1', count: 0 },
      { key: '2', count: 3 },
      { key: '3', count: 1 },
      { key: '4', count: 1 },
      { key: '5', count: 3 },
    ]);
    expect(figures.last.assessment.averagePioneerIndex).toEqual(expect.any(Number));
    expect(figures.now.assessment.rated).toBe(0);
    expect(figures.now.assessment.byAppraisal.find((c: { key: string }) => c.key === 'EXCELLENT').count).toBe(1);
    expect(figures.now.assessment.byAppraisal.find((c: { key: string }) => c.key === 'QUALIFIED').count).toBeGreaterThan(0);
  });
});
