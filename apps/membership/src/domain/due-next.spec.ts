import { DevelopmentFacts } from './development';
import { DevelopmentStep } from './development-step';
import { DevelopmentStage, MemberStatus } from './member-kinds';
import { DueKind, dueFor } from './due-next';

const base: DevelopmentFacts = {
  id: 'p',
  birthDate: '1990-01-01',
  stage: DevelopmentStage.ACTIVIST,
  status: MemberStatus.ACTIVE,
  lastStep: 6,
  history: [],
  appliedOn: null,
  activistSince: '2025-10-01',
  candidateSince: null,
  joinedOn: null,
  probationEndsOn: null,
  probationExtensions: 0,
};

describe('what is due next', () => {
  it('flags an activist past the half-year review and ready to become a candidate', () => {
    expect(dueFor(base, '2026-11-22', 30)).toEqual([
      { kind: DueKind.ACTIVIST_REVIEW_DUE, dueOn: '2026-04-01' },
      { kind: DueKind.READY_FOR_CANDIDATE, dueOn: '2026-10-01' },
    ]);
    const reviewed = { ...base, history: [{ step: DevelopmentStep.ACTIVIST_REVIEWED, on: '2026-10-01', data: {} }] };
    expect(dueFor(reviewed, '2026-11-22', 30).map((i) => i.kind)).toEqual([DueKind.READY_FOR_CANDIDATE]);
  });

  it('flags probation ending within the window and an overdue approval', () => {
    const probationary = { ...base, stage: DevelopmentStage.PROBATIONARY, lastStep: 21, probationEndsOn: '2026-12-10' };
    expect(dueFor(probationary, '2026-11-22', 30)).toEqual([{ kind: DueKind.PROBATION_ENDING, dueOn: '2026-12-10' }]);
    expect(dueFor(probationary, '2026-11-22', 10)).toEqual([]);
    const voted = {
      ...base,
      stage: DevelopmentStage.CANDIDATE,
      lastStep: 16,
      history: [{ step: DevelopmentStep.ADMISSION_VOTE, on: '2026-05-01', data: {} }],
    };
    expect(dueFor(voted, '2026-11-22', 30)).toEqual([{ kind: DueKind.APPROVAL_OVERDUE, dueOn: '2026-08-01' }]);
  });
});
