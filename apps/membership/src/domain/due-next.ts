import { addDays, addYears } from '@partybuild/calendar';
import { developmentRulesOn } from '../reference/membership-rules';
import { DevelopmentFacts } from './development';
import { DevelopmentStep, stepDefinition } from './development-step';
import { DevelopmentStage } from './member-kinds';
import { addMonths } from './dates';

/** 待办 — what development work is due for a person. */
export enum DueKind {
  ACTIVIST_REVIEW_DUE = 'ACTIVIST_REVIEW_DUE',
  READY_FOR_CANDIDATE = 'READY_FOR_CANDIDATE',
  READY_FOR_ADMISSION_VOTE = 'READY_FOR_ADMISSION_VOTE',
  PROBATION_ENDING = 'PROBATION_ENDING',
  APPROVAL_OVERDUE = 'APPROVAL_OVERDUE',
}

export interface DueItem {
  kind: DueKind;
  dueOn: string;
}

const ordinal = (step: DevelopmentStep) => stepDefinition(step).ordinal;
const lastOf = (facts: DevelopmentFacts, step: DevelopmentStep) => [...facts.history].reverse().find((h) => h.step === step)?.on;

/** What is due for one person today, looking `withinDays` ahead for things that come with time. */
export function dueFor(facts: DevelopmentFacts, today: string, withinDays: number): DueItem[] {
  const rules = developmentRulesOn(today);
  const horizon = addDays(today, withinDays);
  const items: DueItem[] = [];
  if (facts.stage === DevelopmentStage.ACTIVIST && facts.activistSince) {
    const lastReview = lastOf(facts, DevelopmentStep.ACTIVIST_REVIEWED) ?? facts.activistSince;
    const reviewDue = addMonths(lastReview, rules.activistReviewMonths);
    if (reviewDue <= today) items.push({ kind: DueKind.ACTIVIST_REVIEW_DUE, dueOn: reviewDue });
    const candidateFrom = addYears(facts.activistSince, rules.activistMinYears);
    if (candidateFrom <= horizon && facts.lastStep >= ordinal(DevelopmentStep.ACTIVIST_REVIEWED)) {
      items.push({ kind: DueKind.READY_FOR_CANDIDATE, dueOn: candidateFrom });
    }
  }
  if (facts.lastStep === ordinal(DevelopmentStep.APPLICATION_FORM_FILLED)) {
    items.push({ kind: DueKind.READY_FOR_ADMISSION_VOTE, dueOn: lastOf(facts, DevelopmentStep.APPLICATION_FORM_FILLED) ?? today });
  }
  const admissionVote = lastOf(facts, DevelopmentStep.ADMISSION_VOTE);
  if (admissionVote && facts.lastStep < ordinal(DevelopmentStep.ADMITTED_AS_PROBATIONARY)) {
    const deadline = addMonths(admissionVote, rules.approvalWithinMonths);
    if (deadline < today) items.push({ kind: DueKind.APPROVAL_OVERDUE, dueOn: deadline });
  }
  const conversionVote = lastOf(facts, DevelopmentStep.CONVERSION_VOTE);
  if (conversionVote && facts.lastStep < ordinal(DevelopmentStep.CONVERTED_TO_FULL)) {
    const deadline = addMonths(conversionVote, rules.approvalWithinMonths);
    if (deadline < today) items.push({ kind: DueKind.APPROVAL_OVERDUE, dueOn: deadline });
  }
  if (
    facts.stage === DevelopmentStage.PROBATIONARY &&
    facts.probationEndsOn &&
    facts.probationEndsOn <= horizon &&
    facts.lastStep < ordinal(DevelopmentStep.CONVERSION_VOTE)
  ) {
    items.push({ kind: DueKind.PROBATION_ENDING, dueOn: facts.probationEndsOn });
  }
  return items;
}
