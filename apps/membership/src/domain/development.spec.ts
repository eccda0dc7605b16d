import { DevelopmentFacts, decideCancellation, decideExtension, decideStep } from './development';
import { DevelopmentStep as S } from './development-step';
import { DevelopmentStage, MemberStatus } from './member-kinds';
import { countVote } from './votes';

const base: DevelopmentFacts = {
  id: 'p',
  birthDate: '2000-05-01',
  stage: DevelopmentStage.APPLICANT,
  status: MemberStatus.ACTIVE,
  lastStep: 0,
  history: [],
  appliedOn: null,
  activistSince: null,
  candidateSince: null,
  joinedOn: null,
  probationEndsOn: null,
  probationExtensions: 0,
};
const TODAY = '2026-11-22';
const full = { stage: DevelopmentStage.FULL, status: MemberStatus.ACTIVE };

describe('development state machine', () => {
  it('refuses an applicant under 18, naming the day they turn 18', () => {
    expect(() => decideStep({ ...base, birthDate: '2009-01-10' }, S.APPLICATION_SUBMITTED, '2026-11-01', {}, TODAY)).toThrow(
      expect.objectContaining({
        code: 'STEP_TOO_EARLY',
        details: expect.objectContaining({ rule: 'minimum-age', possibleFrom: '2027-01-10' }),
      }),
    );
    expect(decideStep(base, S.APPLICATION_SUBMITTED, '2026-11-01', {}, TODAY).changes).toEqual({ appliedOn: '2026-11-01' });
  });

  it('refuses a step out of order, naming the next one', () => {
    expect(() => decideStep(base, S.APPLICANT_TALK, '2026-11-01', {}, TODAY)).toThrow(/下一步应为 1\. 递交入党申请书/);
  });

  it('refuses a talk later than one month after the application', () => {
    const facts = {
      ...base,
      lastStep: 1,
      appliedOn: '2026-09-01',
      history: [{ step: S.APPLICATION_SUBMITTED, on: '2026-09-01', data: {} }],
    };
    expect(() => decideStep(facts, S.APPLICANT_TALK, '2026-10-02', {}, TODAY)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ rule: 'talk-within-one-month' }) }),
    );
    expect(decideStep(facts, S.APPLICANT_TALK, '2026-10-01', {}, TODAY).stage).toBe(DevelopmentStage.APPLICANT);
  });

  it('lets an activist become a candidate only after a year, and allows repeated reviews', () => {
    const activist = { ...base, stage: DevelopmentStage.ACTIVIST, lastStep: 6, activistSince: '2025-12-01' };
    expect(decideStep(activist, S.ACTIVIST_REVIEWED, '2026-06-01', {}, TODAY).definition.ordinal).toBe(6);
    expect(() => decideStep(activist, S.CANDIDATE_DESIGNATED, '2026-11-22', {}, TODAY)).toThrow(
      expect.objectContaining({
        code: 'STEP_TOO_EARLY',
        details: expect.objectContaining({ rule: 'activist-one-year', possibleFrom: '2026-12-01' }),
      }),
    );
    expect(decideStep({ ...activist, activistSince: '2025-11-22' }, S.CANDIDATE_DESIGNATED, '2026-11-22', {}, TODAY).stage).toBe(
      DevelopmentStage.CANDIDATE,
    );
  });

  it('needs two full-member introducers and enough training', () => {
    const candidate = { ...base, stage: DevelopmentStage.CANDIDATE, lastStep: 8, candidateSince: '2026-01-01' };
    const people = new Map([
      ['a', full],
      ['b', { ...full, stage: DevelopmentStage.PROBATIONARY }],
      ['c', full],
    ]);
    expect(() => decideStep(candidate, S.INTRODUCERS_ASSIGNED, '2026-02-01', { introducerIds: ['a'] }, TODAY, people)).toThrow(
      /须有 2 名入党介绍人/,
    );
    expect(() => decideStep(candidate, S.INTRODUCERS_ASSIGNED, '2026-02-01', { introducerIds: ['a', 'b'] }, TODAY, people)).toThrow(
      /须为状态正常的正式党员/,
    );
    decideStep(candidate, S.INTRODUCERS_ASSIGNED, '2026-02-01', { introducerIds: ['a', 'c'] }, TODAY, people);
    const trained = { ...candidate, lastStep: 10 };
    expect(() => decideStep(trained, S.TRAINING_COMPLETED, '2026-03-01', { trainingDays: 2, trainingHours: 20 }, TODAY)).toThrow(
      /不少于 3 天或 24 个学时/,
    );
    decideStep(trained, S.TRAINING_COMPLETED, '2026-03-01', { trainingHours: 24 }, TODAY);
  });

  it('waits five working days of public notice before the pre-review', () => {
    const reviewed = {
      ...base,
      stage: DevelopmentStage.CANDIDATE,
      lastStep: 12,
      history: [{ step: S.BRANCH_COMMITTEE_REVIEW, on: '2026-11-20', data: { noticeStartsOn: '2026-11-20' } }],
    };
    expect(() => decideStep(reviewed, S.SUPERIOR_PRE_REVIEW, '2026-11-22', {}, TODAY)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ rule: 'public-notice-5-working-days', possibleFrom: '2026-11-27' }) }),
    );
  });

  it('counts general-meeting votes against all members with voting rights', () => {
    expect(countVote({ eligibleVoters: 10, present: 5, votesFor: 5 })).toBe('NO_QUORUM');
    expect(countVote({ eligibleVoters: 10, present: 6, votesFor: 5 })).toBe('NOT_PASSED');
    expect(countVote({ eligibleVoters: 10, present: 6, votesFor: 6 })).toBe('PASSED');
    const voting = { ...base, stage: DevelopmentStage.CANDIDATE, lastStep: 14 };
    expect(() =>
      decideStep(voting, S.ADMISSION_VOTE, '2026-11-01', { vote: { eligibleVoters: 9, present: 4, votesFor: 4 } }, TODAY),
    ).toThrow(expect.objectContaining({ code: 'VOTE_WITHOUT_QUORUM' }));
  });

  it('flags a late approval instead of refusing it and starts a one-year probation from the vote', () => {
    const voted = {
      ...base,
      stage: DevelopmentStage.CANDIDATE,
      lastStep: 16,
      history: [{ step: S.ADMISSION_VOTE, on: '2026-05-10', data: {} }],
    };
    const outcome = decideStep(voted, S.ADMITTED_AS_PROBATIONARY, '2026-09-01', {}, TODAY);
    expect(outcome).toMatchObject({
      late: true,
      stage: DevelopmentStage.PROBATIONARY,
      changes: { joinedOn: '2026-05-10', probationEndsOn: '2027-05-10' },
    });
  });

  it('extends probation once, by 6–12 months', () => {
    const probationary = {
      ...base,
      stage: DevelopmentStage.PROBATIONARY,
      lastStep: 21,
      joinedOn: '2025-11-01',
      probationEndsOn: '2026-11-01',
    };
    expect(decideExtension(probationary, 6, '2026-11-02', TODAY)).toBe('2027-05-01');
    expect(() => decideExtension(probationary, 13, '2026-11-02', TODAY)).toThrow(/须为 6–12 个月/);
    expect(() => decideExtension({ ...probationary, probationExtensions: 1 }, 6, '2026-11-02', TODAY)).toThrow(/最多只能延长 1 次/);
  });

  it('cancels only a probationary qualification, with a reason', () => {
    const probationary = { ...base, stage: DevelopmentStage.PROBATIONARY, lastStep: 20, joinedOn: '2026-01-10' };
    expect(() => decideCancellation(probationary, '2026-11-01', '多次无故不参加组织生活', TODAY)).not.toThrow();
    expect(() => decideCancellation(probationary, '2026-11-01', ' ', TODAY)).toThrow(/请填写取消预备党员资格的理由/);
    expect(() => decideCancellation({ ...probationary, stage: DevelopmentStage.FULL }, '2026-11-01', 'x', TODAY)).toThrow(
      /该记录为“正式党员”/,
    );
  });
});
