import { inParallel } from '../dev/concurrency';
import { mustQuery } from '../dev/graphql-client';
import { branchSchemeOf } from '../seed/demo-assessment';

/**
 * A year of assessment work for a generated district, through the gateway like every other
 * record: the branch scheme, a round opened for every branch (its automatic indicators follow the
 * meetings and dues already recorded), 民主评议 of every branch's members (a fifth 优秀, one 基本合格,
 * the rest 合格) and one 示范岗 nomination per branch. Idempotency keys make a second run return
 * the first results instead of being refused.
 */
const SCHEMES = `query($y: Int!) { assessmentSchemes(year: $y, organizationKind: "BRANCH") { id } }`;
const CREATE_SCHEME = `mutation($i: SchemeInput!, $key: String) { createAssessmentScheme(input: $i, idempotencyKey: $key) { id } }`;
const OPEN = `mutation($i: OpenRoundInput!, $key: String) { openAssessmentRound(input: $i, idempotencyKey: $key) { id } }`;
const MEMBERS = `query($id: ID!) { organization(id: $id) { members(first: 200, stages: [PROBATIONARY, FULL]) { items { id category } } } }`;
const APPRAISE = `mutation($i: RecordAppraisalsInput!, $key: String) { recordAppraisals(input: $i, idempotencyKey: $key) { memberId } }`;
const NOMINATE = `mutation($i: NominateModelPostInput!, $key: String) { nominateModelPost(input: $i, idempotencyKey: $key) { id } }`;

export interface AssessmentWork {
  rounds: number;
  appraisals: number;
  nominations: number;
}

export async function generateAssessmentWork(
  url: string,
  token: string,
  branches: Array<{ id: string }>,
  year: number,
  options: { tag: string; retry: <T>(work: () => Promise<T>) => Promise<T> },
): Promise<AssessmentWork> {
  const { tag, retry } = options;
  const existing = (await mustQuery(url, token, SCHEMES, { y: year })).assessmentSchemes as Array<{ id: string }>;
  const schemeId =
    existing[0]?.id ??
    ((await mustQuery(url, token, CREATE_SCHEME, { i: branchSchemeOf(year), key: `gen-${tag}-scheme-${year}` })).createAssessmentScheme
      .id as string);
  const done = await inParallel(branches, 6, async (branch) => {
    // The assessment service learns each branch and member from their events: retried until it has.
    await retry(() =>
      mustQuery(url, token, OPEN, { i: { organizationId: branch.id, schemeId, year }, key: `gen-${tag}-round-${branch.id}` }),
    );
    const members = (await mustQuery(url, token, MEMBERS, { id: branch.id })).organization.members.items as Array<{
      id: string;
      category: string;
    }>;
    if (!members.length) return { appraisals: 0, nominations: 0 };
    const excellent = Math.max(1, Math.floor(members.length / 5));
    const entries = members.map((m, i) => ({
      memberId: m.id,
      grade: i < excellent ? 'EXCELLENT' : i === members.length - 1 && i >= excellent ? 'BASICALLY_QUALIFIED' : 'QUALIFIED',
    }));
    await retry(() =>
      mustQuery(url, token, APPRAISE, { i: { branchId: branch.id, year, entries }, key: `gen-${tag}-appraisal-${branch.id}` }),
    );
    const post = members.find((m) => m.category === 'IN_SERVICE');
    if (!post) return { appraisals: entries.length, nominations: 0 };
    await mustQuery(url, token, NOMINATE, {
      i: { branchId: branch.id, memberId: post.id, year, title: '共产党员示范岗' },
      key: `gen-${tag}-model-post-${branch.id}`,
    });
    return { appraisals: entries.length, nominations: 1 };
  });
  return {
    rounds: branches.length,
    appraisals: done.reduce((sum, d) => sum + d.appraisals, 0),
    nominations: done.reduce((sum, d) => sum + d.nominations, 0),
  };
}
