import { checkVoteAgainstBranch, countVote } from './votes';

describe('a branch general meeting vote checked against the branch', () => {
  const branch = { name: '第一党支部', votingMembers: 7 };

  it('accepts eligible voters equal to the full members with voting rights', () => {
    expect(() => checkVoteAgainstBranch({ eligibleVoters: 7, present: 5, votesFor: 4 }, branch, '2026-06-01')).not.toThrow();
  });

  it('refuses any other number, naming the branch, the day and the expected count', () => {
    for (const eligibleVoters of [6, 8, 100]) {
      let error: any;
      try {
        checkVoteAgainstBranch({ eligibleVoters, present: 5, votesFor: 4 }, branch, '2026-06-01');
      } catch (e) {
        error = e;
      }
      expect(error).toMatchObject({ code: 'VOTE_COUNT_MISMATCH', details: { expected: 7, given: eligibleVoters } });
      expect(error.message).toContain('第一党支部在 2026-06-01 有表决权的正式党员数（7）');
    }
  });

  it('keeps present and yes-votes within the voters', () => {
    expect(() => countVote({ eligibleVoters: 7, present: 8, votesFor: 4 })).toThrow(/超过了有表决权的党员数 7/);
    expect(() => countVote({ eligibleVoters: 7, present: 5, votesFor: 6 })).toThrow(/超过了实到人数 5/);
  });
});
