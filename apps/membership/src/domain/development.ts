import { addDays, addYears } from '@partybuild/calendar';
import { DevelopmentRules, developmentRulesOn } from '../reference/membership-rules';
import { InvalidInputError, MembershipErrorCode, StepRefusedError } from '../errors';
import { DevelopmentStage, MemberStatus } from './member-kinds';
import { DevelopmentStep, StepDefinition, stepAt, stepDefinition } from './development-step';
import { addMonths, ageOn, nthWorkingDay } from './dates';
import { Vote, countVote } from './votes';

/** What a step carries besides its date (only what the step needs). */
export interface StepData {
  contactIds?: string[];
  introducerIds?: string[];
  trainingDays?: number;
  trainingHours?: number;
  noticeStartsOn?: string;
  vote?: Vote;
  notes?: string;
}

export interface RecordedStep {
  step: DevelopmentStep;
  on: string;
  data: StepData;
}

/** What the state machine knows of a person. */
export interface DevelopmentFacts {
  id: string;
  birthDate: string;
  stage: DevelopmentStage;
  status: MemberStatus;
  /** Ordinal of the last step recorded here, or implied by the stage of an imported record. */
  lastStep: number;
  history: RecordedStep[];
  appliedOn: string | null;
  activistSince: string | null;
  candidateSince: string | null;
  joinedOn: string | null;
  probationEndsOn: string | null;
  probationExtensions: number;
}

/** Other people a step names (contacts, introducers): their stage decides if they qualify. */
export type PeopleLookup = Map<string, { stage: DevelopmentStage; status: MemberStatus }>;

export interface StepOutcome {
  definition: StepDefinition;
  stage: DevelopmentStage;
  /** Recorded, not refused: the superior approved later than the rules ask. */
  late: boolean;
  changes: Partial<
    Pick<DevelopmentFacts, 'appliedOn' | 'activistSince' | 'candidateSince' | 'joinedOn' | 'probationEndsOn'> & {
      fullMemberSince: string;
    }
  >;
}

/** The steps that may be recorded next: the following one, or the last again if it repeats. */
export function nextSteps(facts: Pick<DevelopmentFacts, 'lastStep'>): StepDefinition[] {
  const options: StepDefinition[] = [];
  const last = stepAt(facts.lastStep);
  if (last?.repeatable) options.push(last);
  const next = stepAt(facts.lastStep + 1);
  if (next) options.push(next);
  return options;
}

const lastDateOf = (facts: DevelopmentFacts, step: DevelopmentStep): RecordedStep | undefined =>
  [...facts.history].reverse().find((h) => h.step === step);

const tooEarly = (rule: string, message: string, possibleFrom: string) =>
  new StepRefusedError(MembershipErrorCode.STEP_TOO_EARLY, rule, `${message} It becomes possible on ${possibleFrom}.`, possibleFrom);
const violation = (rule: string, message: string) => new StepRefusedError(MembershipErrorCode.STEP_RULE_VIOLATION, rule, message);

/**
 * Decides whether a development step may be recorded on its date, and what it changes.
 * Throws a refusal naming the rule (and, for a matter of time, the day it becomes possible).
 */
export function decideStep(
  facts: DevelopmentFacts,
  step: DevelopmentStep,
  on: string,
  data: StepData,
  today: string,
  people: PeopleLookup = new Map(),
): StepOutcome {
  const definition = stepDefinition(step);
  if (!definition) throw new InvalidInputError('step', `${step} is a decision with its own mutation, not a development step.`);
  if (on > today) throw new InvalidInputError('on', `The step date ${on} is in the future.`);
  if (facts.status !== MemberStatus.ACTIVE && facts.status !== MemberStatus.FLOATING) {
    throw violation('active-record', `The record's status is ${facts.status}; development steps are recorded only for active records.`);
  }
  const allowed = nextSteps(facts);
  if (!allowed.some((s) => s.step === step)) {
    const expected = allowed.length ? allowed.map((s) => `${s.ordinal}. ${s.label}`).join(' or ') : 'none — the development is complete';
    throw new StepRefusedError(
      MembershipErrorCode.STEP_OUT_OF_ORDER,
      'steps-in-order',
      `Step ${definition.ordinal} (${definition.label}) cannot be recorded now: the next step is ${expected}.`,
    );
  }
  const previous = facts.history[facts.history.length - 1];
  if (previous && on < previous.on) {
    throw tooEarly('steps-in-order', `Step ${definition.ordinal} cannot be dated before the previous step (${previous.on}).`, previous.on);
  }
  const rules = developmentRulesOn(on);
  const outcome: StepOutcome = { definition, stage: definition.entersStage ?? facts.stage, late: false, changes: {} };
  GUARDS[step]?.(facts, on, data, rules, people, outcome);
  return outcome;
}

type Guard = (
  facts: DevelopmentFacts,
  on: string,
  data: StepData,
  rules: DevelopmentRules,
  people: PeopleLookup,
  outcome: StepOutcome,
) => void;

function requireFullMembers(ids: string[], people: PeopleLookup, self: string, what: string): void {
  if (new Set(ids).size !== ids.length) throw violation(`${what}-distinct`, `The same person is named twice among the ${what}.`);
  if (ids.includes(self)) throw violation(`${what}-not-self`, `A person cannot be their own ${what.replace(/s$/, '')}.`);
  for (const id of ids) {
    const person = people.get(id);
    if (!person || person.stage !== DevelopmentStage.FULL || person.status !== MemberStatus.ACTIVE) {
      throw violation(`${what}-full-members`, `The ${what} must be active full members (正式党员); ${id} is not.`);
    }
  }
}

function requireVote(vote: Vote | undefined, step: string): void {
  if (!vote) throw new InvalidInputError('vote', `${step} needs the vote: members with voting rights, present, votes for.`);
  const result = countVote(vote);
  if (result === 'NO_QUORUM') {
    throw new StepRefusedError(
      MembershipErrorCode.VOTE_WITHOUT_QUORUM,
      'general-meeting-quorum',
      `The vote is not valid: ${vote.present} of ${vote.eligibleVoters} members with voting rights attended; more than half must attend.`,
    );
  }
  if (result === 'NOT_PASSED') {
    throw new StepRefusedError(
      MembershipErrorCode.VOTE_NOT_PASSED,
      'general-meeting-majority',
      `Not passed: ${vote.votesFor} voted for, but more than half of all ${vote.eligibleVoters} members with voting rights must vote for.`,
    );
  }
}

const GUARDS: Partial<Record<DevelopmentStep, Guard>> = {
  [DevelopmentStep.APPLICATION_SUBMITTED]: (facts, on, _data, rules, _people, outcome) => {
    if (ageOn(facts.birthDate, on) < rules.minAge) {
      throw tooEarly(
        'minimum-age',
        `An applicant must be at least ${rules.minAge} years old on the day of the application.`,
        addYears(facts.birthDate, rules.minAge),
      );
    }
    outcome.changes.appliedOn = on;
  },
  [DevelopmentStep.APPLICANT_TALK]: (facts, on, _data, rules) => {
    const deadline = addMonths(facts.appliedOn!, rules.talkWithinMonths);
    if (on > deadline) {
      throw violation(
        'talk-within-one-month',
        `The organisation must talk with the applicant within ${rules.talkWithinMonths} month(s) of the application (${facts.appliedOn}), that is by ${deadline}.`,
      );
    }
  },
  [DevelopmentStep.ACTIVIST_DESIGNATED]: (_facts, on, _data, _rules, _people, outcome) => {
    outcome.changes.activistSince = on;
  },
  [DevelopmentStep.CONTACTS_ASSIGNED]: (facts, _on, data, rules, people) => {
    const ids = data.contactIds ?? [];
    if (ids.length < rules.contacts.min || ids.length > rules.contacts.max) {
      throw violation(
        'contacts-count',
        `Assign ${rules.contacts.min}–${rules.contacts.max} full members as contacts (培养联系人); ${ids.length} given.`,
      );
    }
    requireFullMembers(ids, people, facts.id, 'contacts');
  },
  [DevelopmentStep.CANDIDATE_DESIGNATED]: (facts, on, _data, rules, _people, outcome) => {
    const from = addYears(facts.activistSince!, rules.activistMinYears);
    if (on < from) {
      throw tooEarly(
        'activist-one-year',
        `A candidate must have been an activist for at least ${rules.activistMinYears} year(s) (activist since ${facts.activistSince}).`,
        from,
      );
    }
    outcome.changes.candidateSince = on;
  },
  [DevelopmentStep.INTRODUCERS_ASSIGNED]: (facts, _on, data, rules, people) => {
    const ids = data.introducerIds ?? [];
    if (ids.length !== rules.introducers) {
      throw violation('two-introducers', `A candidate needs ${rules.introducers} introducers (入党介绍人); ${ids.length} given.`);
    }
    requireFullMembers(ids, people, facts.id, 'introducers');
  },
  [DevelopmentStep.TRAINING_COMPLETED]: (_facts, _on, data, rules) => {
    const days = data.trainingDays ?? 0;
    const hours = data.trainingHours ?? 0;
    if (days < rules.training.minDays && hours < rules.training.minHours) {
      throw violation(
        'training-minimum',
        `Concentrated training must last at least ${rules.training.minDays} days or ${rules.training.minHours} class hours; ${days} days / ${hours} hours recorded.`,
      );
    }
  },
  [DevelopmentStep.BRANCH_COMMITTEE_REVIEW]: (_facts, on, data) => {
    if (data.noticeStartsOn && data.noticeStartsOn < on) {
      throw new InvalidInputError('noticeStartsOn', `The public notice follows the committee review (${on}); it cannot start before it.`);
    }
  },
  [DevelopmentStep.SUPERIOR_PRE_REVIEW]: (facts, on, _data, rules) => {
    const review = lastDateOf(facts, DevelopmentStep.BRANCH_COMMITTEE_REVIEW);
    if (!review) return; // an imported record without the review on file
    const start = review.data.noticeStartsOn ?? review.on;
    const from = addDays(nthWorkingDay(start, rules.publicNoticeWorkingDays), 1);
    if (on < from) {
      throw tooEarly(
        'public-notice-5-working-days',
        `The public notice (公示) started on ${start} must run at least ${rules.publicNoticeWorkingDays} working days before the superior's pre-review.`,
        from,
      );
    }
  },
  [DevelopmentStep.ADMISSION_VOTE]: (_facts, _on, data) => requireVote(data.vote, 'The admission vote'),
  [DevelopmentStep.ADMITTED_AS_PROBATIONARY]: (facts, on, _data, rules, _people, outcome) => {
    const vote = lastDateOf(facts, DevelopmentStep.ADMISSION_VOTE);
    const joinedOn = vote?.on ?? on;
    outcome.late = on > addMonths(joinedOn, rules.approvalWithinMonths);
    outcome.changes.joinedOn = joinedOn;
    outcome.changes.probationEndsOn = addYears(joinedOn, rules.probationYears);
  },
  [DevelopmentStep.CONVERSION_VOTE]: (facts, on, data) => {
    if (facts.probationEndsOn && on < facts.probationEndsOn) {
      throw tooEarly(
        'probation-one-year',
        `The probation (预备期) lasts until ${facts.probationEndsOn}; the conversion vote comes after it.`,
        facts.probationEndsOn,
      );
    }
    requireVote(data.vote, 'The conversion vote');
  },
  [DevelopmentStep.CONVERTED_TO_FULL]: (facts, on, _data, rules, _people, outcome) => {
    const vote = lastDateOf(facts, DevelopmentStep.CONVERSION_VOTE);
    outcome.late = vote ? on > addMonths(vote.on, rules.approvalWithinMonths) : false;
    outcome.changes.fullMemberSince = facts.probationEndsOn ?? on;
  },
};

/** 延长预备期: once, 6–12 months, before the conversion vote. Returns the new end of probation. */
export function decideExtension(facts: DevelopmentFacts, months: number, on: string, today: string): string {
  const rules = developmentRulesOn(on);
  if (on > today) throw new InvalidInputError('on', `The date ${on} is in the future.`);
  if (facts.stage !== DevelopmentStage.PROBATIONARY || facts.lastStep >= stepDefinition(DevelopmentStep.CONVERSION_VOTE).ordinal) {
    throw violation('extension-during-probation', 'Only a probationary member not yet voted on can have the probation extended.');
  }
  if (facts.probationExtensions >= rules.extension.times) {
    throw violation(
      'extension-once',
      `The probation may be extended only ${rules.extension.times === 1 ? 'once' : `${rules.extension.times} times`}.`,
    );
  }
  if (!Number.isInteger(months) || months < rules.extension.minMonths || months > rules.extension.maxMonths) {
    throw violation(
      'extension-length',
      `An extension lasts ${rules.extension.minMonths}–${rules.extension.maxMonths} months; ${months} given.`,
    );
  }
  return addMonths(facts.probationEndsOn!, months);
}

/** 取消预备党员资格: only a probationary member not yet converted; the record leaves the membership (status EXPELLED). */
export function decideCancellation(facts: DevelopmentFacts, on: string, reason: string, today: string): void {
  if (on > today) throw new InvalidInputError('on', `The date ${on} is in the future.`);
  if (!reason.trim()) throw new InvalidInputError('reason', 'Say why the probationary qualification is cancelled.');
  if (facts.stage !== DevelopmentStage.PROBATIONARY) {
    throw violation(
      'cancel-during-probation',
      `Only a probationary member's qualification can be cancelled; this record is ${facts.stage}.`,
    );
  }
  if (facts.joinedOn && on < facts.joinedOn) throw new InvalidInputError('on', `The probation started on ${facts.joinedOn}.`);
}
