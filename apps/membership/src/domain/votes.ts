import { MembershipErrors, MembershipRuleErrors } from '../errors';

/** A branch general meeting's vote: who may vote, who came, who voted yes. */
export interface Vote {
  eligibleVoters: number;
  present: number;
  votesFor: number;
}

export type VoteResult = 'NO_QUORUM' | 'NOT_PASSED' | 'PASSED';

/**
 * Valid only when more than half of the members with voting rights attend; passed only
 * when more than half of ALL members with voting rights vote yes (not of those present).
 */
export function countVote(vote: Vote): VoteResult {
  const { eligibleVoters, present, votesFor } = vote;
  if (![eligibleVoters, present, votesFor].every((n) => Number.isInteger(n) && n >= 0)) {
    throw MembershipErrors.VOTE_NOT_WHOLE();
  }
  if (eligibleVoters < 1) throw MembershipErrors.VOTE_NO_VOTERS();
  if (present > eligibleVoters) {
    throw MembershipErrors.VOTE_PRESENT_EXCEEDS({ present, eligibleVoters });
  }
  if (votesFor > present) throw MembershipErrors.VOTE_FOR_EXCEEDS({ votesFor, present });
  if (present * 2 <= eligibleVoters) return 'NO_QUORUM';
  if (votesFor * 2 <= eligibleVoters) return 'NOT_PASSED';
  return 'PASSED';
}

/**
 * The vote as typed, checked against the branch: the members with voting rights are the
 * branch's full members on the day of the meeting (预备党员 have no vote), as the records
 * show them; present and yes-votes are then bounded by them (countVote).
 */
export function checkVoteAgainstBranch(vote: Vote, branch: { name: string; votingMembers: number }, on: string): void {
  if (vote.eligibleVoters !== branch.votingMembers) {
    throw MembershipRuleErrors.VOTE_COUNT_MISMATCH(
      { branch: branch.name, on, given: vote.eligibleVoters, expected: branch.votingMembers },
      { field: 'vote.eligibleVoters', rule: 'eligible-voters-are-full-members' },
    );
  }
}
