import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AssessmentEventType } from '@partybuild/contracts';
import { EventEnvelope, createEnvelope } from '@partybuild/events';
import { openDataSource } from '@partybuild/persistence';
import { freshDatabase } from '@partybuild/testing';
import { statisticsMigrations } from '../migrations';
import { assessmentFactHandlers } from './assessment-facts';

const event = (type: string, data: Record<string, unknown>, time: string, schemaVersion = 2): EventEnvelope => {
  const envelope = createEnvelope('assessment', {
    type,
    aggregateId: randomUUID(),
    organizationId: null,
    organizationPath: [],
    actor: 't',
    data,
    schemaVersion,
  });
  envelope.time = time;
  return envelope;
};

/** A replay applies assessment events in runs: the result must be the one of applying them one by one. */
describe('assessment facts applied as a run', () => {
  let oneByOne: DataSource;
  let asRun: DataSource;

  beforeAll(async () => {
    [oneByOne, asRun] = await Promise.all(
      [0, 1].map(async () => openDataSource({ url: await freshDatabase(), entities: [], migrations: statisticsMigrations })),
    );
  });
  afterAll(() => Promise.all([oneByOne?.destroy(), asRun?.destroy()]));

  const tables = (ds: DataSource) =>
    Promise.all([
      ds.query(`SELECT * FROM stat_rating ORDER BY organization_id, year`),
      ds.query(`SELECT * FROM stat_appraisal ORDER BY branch_id, year`),
      ds.query(`SELECT * FROM stat_model_post ORDER BY post_id`),
    ]);

  it('keeps the latest rating, the last appraisal counts and each model post as its last event says', async () => {
    const [branch, other, post] = [randomUUID(), randomUUID(), randomUUID()];
    const rated = (stars: number, time: string) =>
      event(
        AssessmentEventType.STARS_RATED,
        { organizationId: branch, organizationKind: 'BRANCH', year: 2026, stars, finalScore: 60 + stars * 5, vetoed: false },
        time,
        3,
      );
    const appraised = (branchId: string, excellent: number) =>
      event(
        AssessmentEventType.APPRAISALS_RECORDED,
        { branchId, year: 2026, counts: { EXCELLENT: excellent, QUALIFIED: 10, BASICALLY_QUALIFIED: 0, UNQUALIFIED: 0 } },
        '2026-12-01T00:00:00.000Z',
      );
    const modelPost = (type: string, status: string) =>
      event(type, { modelPost: { id: post, branchId: branch, memberId: randomUUID(), year: 2026, status } }, '2026-12-02T00:00:00.000Z');
    const events = [
      event(AssessmentEventType.ROUND_OPENED, { roundId: randomUUID() }, '2026-01-01T00:00:00.000Z'),
      appraised(branch, 1),
      modelPost(AssessmentEventType.MODEL_POST_NOMINATED, 'NOMINATED'),
      rated(4, '2026-12-20T00:00:00.000Z'),
      appraised(other, 3),
      appraised(branch, 2),
      rated(2, '2026-12-10T00:00:00.000Z'), // an older rating delivered late: the newer stays
      modelPost(AssessmentEventType.MODEL_POST_DECIDED, 'CONFIRMED'),
      rated(5, '2026-12-20T00:00:00.000Z'), // the same moment again: the later event wins, as one by one
    ];
    await oneByOne.transaction(async (manager) => {
      for (const e of events) await assessmentFactHandlers[e.type].handle(e, manager);
    });
    const run = assessmentFactHandlers[AssessmentEventType.ROUND_OPENED].handleMany!;
    for (const e of events) expect(assessmentFactHandlers[e.type].handleMany).toBe(run); // one run, whatever the types
    await asRun.transaction((manager) => run(events, manager));

    const [ratings, appraisals, posts] = await tables(asRun);
    expect(await tables(oneByOne)).toEqual([ratings, appraisals, posts]);
    expect(ratings.map((r: { stars: number }) => r.stars)).toEqual([5]);
    expect(appraisals.find((a: { branch_id: string }) => a.branch_id === branch).excellent).toBe(2);
    expect(posts.map((p: { status: string }) => p.status)).toEqual(['CONFIRMED']);
  });
});
