import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { AssessmentEventType, MEMBERSHIP_SCHEMA_VERSION, MemberSnapshot, MembershipEventType } from '@partybuild/contracts';
import { EventEnvelope, createEnvelope } from '@partybuild/events';
import { openDataSource } from '@partybuild/persistence';
import { freshDatabase, memberSnapshot as member } from '@partybuild/testing';
import { statisticsMigrations } from '../migrations';
import { assessmentFactHandlers } from './assessment-facts';
import { memberFactHandlers } from './member-facts';

const membershipEvent = (type: string, m: MemberSnapshot, extra: Record<string, unknown> = {}): EventEnvelope =>
  createEnvelope('membership', {
    type,
    aggregateId: m.id,
    organizationId: m.organizationId,
    organizationPath: [],
    actor: 'test',
    schemaVersion: MEMBERSHIP_SCHEMA_VERSION,
    data: { member: m, ...extra },
  });

const assessmentEvent = (type: string, data: Record<string, unknown>, time: string, schemaVersion = 2): EventEnvelope => {
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

/** A replay applies events in runs: the result must be the one of applying them one by one. */
describe('statistics facts applied as a run', () => {
  let oneByOne: DataSource;
  let asRun: DataSource;

  beforeAll(async () => {
    [oneByOne, asRun] = await Promise.all(
      [0, 1].map(async () => openDataSource({ url: await freshDatabase(), entities: [], migrations: statisticsMigrations })),
    );
  });
  afterAll(() => Promise.all([oneByOne?.destroy(), asRun?.destroy()]));

  const memberTables = (ds: DataSource) =>
    Promise.all([
      ds.query(`SELECT * FROM stat_member ORDER BY member_id`),
      ds.query(`SELECT * FROM stat_dues_payment ORDER BY event_id`),
      ds.query(`SELECT * FROM stat_transfer ORDER BY transfer_id`),
    ]);

  it('keeps each member as their last event says, every payment and every transfer once', async () => {
    const [branch, other] = [randomUUID(), randomUUID()];
    const a = member(branch);
    const b = member(branch, { gender: 'MALE', stage: 'PROBATIONARY', fullMemberSince: null });
    const paid = (m: MemberSnapshot, months: string[]) =>
      membershipEvent(MembershipEventType.DUES_PAID, m, {
        months,
        amountFen: 1000 * months.length,
        paidOn: '2026-03-05',
        amountsFen: months.map(() => 1000),
      });
    const payment = paid(a, ['2026-01', '2026-02']);
    const movedA = { ...a, organizationId: other };
    const events = [
      membershipEvent(MembershipEventType.REGISTERED, a),
      membershipEvent(MembershipEventType.REGISTERED, b),
      payment,
      paid(b, ['2026-01']),
      membershipEvent(MembershipEventType.STAGE_CHANGED, { ...b, stage: 'FULL', fullMemberSince: '2026-02-01' }),
      payment, // delivered twice: kept once
      membershipEvent(MembershipEventType.TRANSFERRED, movedA, {
        transferId: randomUUID(),
        fromOrganizationId: branch,
        toOrganizationId: other,
        on: '2026-03-10',
        outOfDistrict: false,
      }),
      paid(movedA, ['2026-03']),
      membershipEvent(MembershipEventType.STATUS_CHANGED, { ...b, stage: 'FULL', fullMemberSince: '2026-02-01', status: 'DECEASED' }),
    ];
    await oneByOne.transaction(async (manager) => {
      for (const e of events) await memberFactHandlers[e.type].handle(e, manager);
    });
    const run = memberFactHandlers[MembershipEventType.REGISTERED].handleMany!;
    for (const e of events) expect(memberFactHandlers[e.type].handleMany).toBe(run); // one run, never cut by a payment
    await asRun.transaction((manager) => run(events, manager));

    const [members, payments, transfers] = await memberTables(asRun);
    expect(await memberTables(oneByOne)).toEqual([members, payments, transfers]);
    expect(members.map((m: { organization_id: string; status: string }) => [m.organization_id, m.status]).sort()).toEqual(
      [
        [other, 'ACTIVE'],
        [branch, 'DECEASED'],
      ].sort(),
    );
    expect(payments).toHaveLength(3);
    expect(transfers).toHaveLength(1);
  });

  const assessmentTables = (ds: DataSource) =>
    Promise.all([
      ds.query(`SELECT * FROM stat_rating ORDER BY organization_id, year`),
      ds.query(`SELECT * FROM stat_appraisal ORDER BY branch_id, year`),
      ds.query(`SELECT * FROM stat_model_post ORDER BY post_id`),
    ]);

  it('keeps the latest rating, the last appraisal counts and each model post as its last event says', async () => {
    const [branch, other, post] = [randomUUID(), randomUUID(), randomUUID()];
    const rated = (stars: number, time: string) =>
      assessmentEvent(
        AssessmentEventType.STARS_RATED,
        { organizationId: branch, organizationKind: 'BRANCH', year: 2026, stars, finalScore: 60 + stars * 5, vetoed: false },
        time,
        3,
      );
    const appraised = (branchId: string, excellent: number) =>
      assessmentEvent(
        AssessmentEventType.APPRAISALS_RECORDED,
        { branchId, year: 2026, counts: { EXCELLENT: excellent, QUALIFIED: 10, BASICALLY_QUALIFIED: 0, UNQUALIFIED: 0 } },
        '2026-12-01T00:00:00.000Z',
      );
    const modelPost = (type: string, status: string) =>
      assessmentEvent(
        type,
        { modelPost: { id: post, branchId: branch, memberId: randomUUID(), year: 2026, status } },
        '2026-12-02T00:00:00.000Z',
      );
    const events = [
      assessmentEvent(AssessmentEventType.ROUND_OPENED, { roundId: randomUUID() }, '2026-01-01T00:00:00.000Z'),
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

    const [ratings, appraisals, posts] = await assessmentTables(asRun);
    expect(await assessmentTables(oneByOne)).toEqual([ratings, appraisals, posts]);
    expect(ratings.map((r: { stars: number }) => r.stars)).toEqual([5]);
    expect(appraisals.find((a: { branch_id: string }) => a.branch_id === branch).excellent).toBe(2);
    expect(posts.map((p: { status: string }) => p.status)).toEqual(['CONFIRMED']);
  });
});
