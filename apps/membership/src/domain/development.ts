import { addDays, addYears } from '@partybuild/calendar';
import { DevelopmentRules, developmentRulesOn } from '../reference/membership-rules';
import { MembershipErrors } from '../errors';
import { STAGE_LABELS, STATUS_LABELS } from './labels';
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

/** Development refusals name the rule they apply (`extensions.rule`). */
const rule = (name: string) => ({ rule: name });

/** 培养联系人 / 入党介绍人, as the messages name them. */
const ROLE_NAMES = {
  contacts: { roleZh: '培养联系人', roleEn: 'contacts' },
  introducers: { roleZh: '入党介绍人', roleEn: 'introducers' },
} as const;

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
  if (!definition) throw MembershipErrors.STEP_IS_DECISION({ step });
  if (on > today) throw MembershipErrors.DATE_IN_FUTURE({ date: on, today }, { field: 'on' });
  if (facts.status !== MemberStatus.ACTIVE && facts.status !== MemberStatus.FLOATING) {
    throw MembershipErrors.RECORD_NOT_ACTIVE({ status: facts.status, statusZh: STATUS_LABELS[facts.status] }, rule('active-record'));
  }
  const allowed = nextSteps(facts);
  if (!allowed.some((s) => s.step === step)) {
    const steps = allowed.map((s) => `${s.ordinal}. ${s.label}`);
    throw MembershipErrors.STEP_OUT_OF_ORDER(
      {
        ordinal: definition.ordinal,
        label: definition.label,
        expectedZh: steps.join(' 或 ') || '无（发展程序已完成）',
        expectedEn: steps.join(' or ') || 'none — the development is complete',
      },
      rule('steps-in-order'),
    );
  }
  const previous = facts.history[facts.history.length - 1];
  if (previous && on < previous.on) {
    throw MembershipErrors.STEP_BEFORE_PREVIOUS(
      { ordinal: definition.ordinal, previousOn: previous.on, possibleFrom: previous.on },
      rule('steps-in-order'),
    );
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

function requireFullMembers(ids: string[], people: PeopleLookup, self: string, what: keyof typeof ROLE_NAMES): void {
  const names = ROLE_NAMES[what];
  if (new Set(ids).size !== ids.length) throw MembershipErrors.PEOPLE_NAMED_TWICE(names, rule(`${what}-distinct`));
  if (ids.includes(self)) throw MembershipErrors.PEOPLE_INCLUDE_SELF(names, rule(`${what}-not-self`));
  for (const id of ids) {
    const person = people.get(id);
    if (!person || person.stage !== DevelopmentStage.FULL || person.status !== MemberStatus.ACTIVE) {
      throw MembershipErrors.PEOPLE_NOT_FULL_MEMBERS({ ...names, reference: id }, rule(`${what}-full-members`));
    }
  }
}

function requireVote(vote: Vote | undefined, step: { voteZh: string; voteEn: string }): void {
  if (!vote) throw MembershipErrors.VOTE_REQUIRED(step);
  const result = countVote(vote);
  if (result === 'NO_QUORUM') {
    throw MembershipErrors.VOTE_WITHOUT_QUORUM(
      { present: vote.present, eligibleVoters: vote.eligibleVoters },
      rule('general-meeting-quorum'),
    );
  }
  if (result === 'NOT_PASSED') {
    throw MembershipErrors.VOTE_NOT_PASSED(
      { votesFor: vote.votesFor, eligibleVoters: vote.eligibleVoters },
      rule('general-meeting-majority'),
    );
  }
}

const GUARDS: Partial<Record<DevelopmentStep, Guard>> = {
  [DevelopmentStep.APPLICATION_SUBMITTED]: (facts, on, _data, rules, _people, outcome) => {
    if (ageOn(facts.birthDate, on) < rules.minAge) {
      throw MembershipErrors.MINIMUM_AGE(
        { minAge: rules.minAge, possibleFrom: addYears(facts.birthDate, rules.minAge) },
        rule('minimum-age'),
      );
    }
    outcome.changes.appliedOn = on;
  },
  [DevelopmentStep.APPLICANT_TALK]: (facts, on, _data, rules) => {
    const deadline = addMonths(facts.appliedOn!, rules.talkWithinMonths);
    if (on > deadline) {
      throw MembershipErrors.TALK_DEADLINE(
        { months: rules.talkWithinMonths, appliedOn: facts.appliedOn!, deadline },
        rule('talk-within-one-month'),
      );
    }
  },
  [DevelopmentStep.ACTIVIST_DESIGNATED]: (_facts, on, _data, _rules, _people, outcome) => {
    outcome.changes.activistSince = on;
  },
  [DevelopmentStep.CONTACTS_ASSIGNED]: (facts, _on, data, rules, people) => {
    const ids = data.contactIds ?? [];
    if (ids.length < rules.contacts.min || ids.length > rules.contacts.max) {
      throw MembershipErrors.CONTACTS_COUNT(
        { min: rules.contacts.min, max: rules.contacts.max, given: ids.length },
        rule('contacts-count'),
      );
    }
    requireFullMembers(ids, people, facts.id, 'contacts');
  },
  [DevelopmentStep.CANDIDATE_DESIGNATED]: (facts, on, _data, rules, _people, outcome) => {
    const from = addYears(facts.activistSince!, rules.activistMinYears);
    if (on < from) {
      throw MembershipErrors.ACTIVIST_ONE_YEAR(
        { years: rules.activistMinYears, activistSince: facts.activistSince!, possibleFrom: from },
        rule('activist-one-year'),
      );
    }
    outcome.changes.candidateSince = on;
  },
  [DevelopmentStep.INTRODUCERS_ASSIGNED]: (facts, _on, data, rules, people) => {
    const ids = data.introducerIds ?? [];
    if (ids.length !== rules.introducers) {
      throw MembershipErrors.INTRODUCERS_COUNT({ required: rules.introducers, given: ids.length }, rule('two-introducers'));
    }
    requireFullMembers(ids, people, facts.id, 'introducers');
  },
  [DevelopmentStep.TRAINING_COMPLETED]: (_facts, _on, data, rules) => {
    const days = data.trainingDays ?? 0;
    const hours = data.trainingHours ?? 0;
    if (days < rules.training.minDays && hours < rules.training.minHours) {
      throw MembershipErrors.TRAINING_MINIMUM(
        { minDays: rules.training.minDays, minHours: rules.training.minHours, days, hours },
        rule('training-minimum'),
      );
    }
  },
  [DevelopmentStep.BRANCH_COMMITTEE_REVIEW]: (_facts, on, data) => {
    if (data.noticeStartsOn && data.noticeStartsOn < on) {
      throw MembershipErrors.NOTICE_BEFORE_REVIEW({ reviewOn: on });
    }
  },
  [DevelopmentStep.SUPERIOR_PRE_REVIEW]: (facts, on, _data, rules) => {
    const review = lastDateOf(facts, DevelopmentStep.BRANCH_COMMITTEE_REVIEW);
    if (!review) return; // an imported record without the review on file
    const start = review.data.noticeStartsOn ?? review.on;
    const from = addDays(nthWorkingDay(start, rules.publicNoticeWorkingDays), 1);
    if (on < from) {
      throw MembershipErrors.PUBLIC_NOTICE_DAYS(
        { start, workingDays: rules.publicNoticeWorkingDays, possibleFrom: from },
        rule('public-notice-5-working-days'),
      );
    }
  },
  [DevelopmentStep.ADMISSION_VOTE]: (_facts, _on, data) =>
    requireVote(data.vote, { voteZh: '接收预备党员的支部大会', voteEn: 'The admission vote' }),
  [DevelopmentStep.ADMITTED_AS_PROBATIONARY]: (facts, on, _data, rules, _people, outcome) => {
    const vote = lastDateOf(facts, DevelopmentStep.ADMISSION_VOTE);
    const joinedOn = vote?.on ?? on;
    outcome.late = on > addMonths(joinedOn, rules.approvalWithinMonths);
    outcome.changes.joinedOn = joinedOn;
    outcome.changes.probationEndsOn = addYears(joinedOn, rules.probationYears);
  },
  [DevelopmentStep.CONVERSION_VOTE]: (facts, on, data) => {
    if (facts.probationEndsOn && on < facts.probationEndsOn) {
      throw MembershipErrors.PROBATION_NOT_OVER({ possibleFrom: facts.probationEndsOn }, rule('probation-one-year'));
    }
    requireVote(data.vote, { voteZh: '讨论转正的支部大会', voteEn: 'The conversion vote' });
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
  if (on > today) throw MembershipErrors.DATE_IN_FUTURE({ date: on, today }, { field: 'on' });
  if (facts.stage !== DevelopmentStage.PROBATIONARY || facts.lastStep >= stepDefinition(DevelopmentStep.CONVERSION_VOTE).ordinal) {
    throw MembershipErrors.EXTENSION_NOT_IN_PROBATION(undefined, rule('extension-during-probation'));
  }
  if (facts.probationExtensions >= rules.extension.times) {
    throw MembershipErrors.EXTENSION_TIMES({ times: rules.extension.times }, rule('extension-once'));
  }
  if (!Number.isInteger(months) || months < rules.extension.minMonths || months > rules.extension.maxMonths) {
    throw MembershipErrors.EXTENSION_LENGTH(
      { min: rules.extension.minMonths, max: rules.extension.maxMonths, given: months },
      rule('extension-length'),
    );
  }
  return addMonths(facts.probationEndsOn!, months);
}

/** 取消预备党员资格: only a probationary member not yet converted; the record leaves the membership (status EXPELLED). */
export function decideCancellation(facts: DevelopmentFacts, on: string, reason: string, today: string): void {
  if (on > today) throw MembershipErrors.DATE_IN_FUTURE({ date: on, today }, { field: 'on' });
  if (!reason.trim()) throw MembershipErrors.CANCELLATION_REASON_REQUIRED();
  if (facts.stage !== DevelopmentStage.PROBATIONARY) {
    throw MembershipErrors.CANCEL_NOT_PROBATIONARY(
      { stage: facts.stage, stageZh: STAGE_LABELS[facts.stage] },
      rule('cancel-during-probation'),
    );
  }
  if (facts.joinedOn && on < facts.joinedOn) throw MembershipErrors.BEFORE_PROBATION_START({ joinedOn: facts.joinedOn });
}
