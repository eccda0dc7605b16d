import { DomainError, defineErrors } from '@partybuild/errors';
export { DomainError, InvalidInputError, OutOfScopeError } from '@partybuild/errors';

/** The membership service's refusals and their stable codes (`extensions.code`). */
export const MembershipErrorCode = {
  MEMBER_NOT_FOUND: 'MEMBER_NOT_FOUND',
  ORGANIZATION_UNKNOWN: 'ORGANIZATION_UNKNOWN',
  NOT_BRANCH_LEVEL: 'ORGANIZATION_NOT_BRANCH_LEVEL',
  ID_NUMBER_INVALID: 'ID_NUMBER_INVALID',
  ID_NUMBER_TAKEN: 'ID_NUMBER_TAKEN',
  STEP_OUT_OF_ORDER: 'STEP_OUT_OF_ORDER',
  STEP_TOO_EARLY: 'STEP_TOO_EARLY',
  STEP_RULE_VIOLATION: 'STEP_RULE_VIOLATION',
  VOTE_WITHOUT_QUORUM: 'VOTE_WITHOUT_QUORUM',
  VOTE_NOT_PASSED: 'VOTE_NOT_PASSED',
  TRANSFER_TARGET_NOT_BRANCH: 'TRANSFER_TARGET_NOT_BRANCH',
  TRANSFER_TO_SAME_BRANCH: 'TRANSFER_TO_SAME_BRANCH',
  TRANSFER_ALREADY_PENDING: 'TRANSFER_ALREADY_PENDING',
  TRANSFER_NOT_FOUND: 'TRANSFER_NOT_FOUND',
  TRANSFER_NOT_PENDING: 'TRANSFER_NOT_PENDING',
  TRANSFER_EXPIRED: 'TRANSFER_EXPIRED',
  NOT_A_MEMBER: 'NOT_A_MEMBER',
  DUES_ALREADY_PAID: 'DUES_ALREADY_PAID',
  FORBIDDEN: 'FORBIDDEN',
} as const;

export class MemberNotFoundError extends DomainError {
  constructor(reference: string) {
    super(MembershipErrorCode.MEMBER_NOT_FOUND, `No member record ${reference} exists.`, { reference });
  }
}

export class UnknownOrganizationError extends DomainError {
  constructor(reference: string) {
    super(
      MembershipErrorCode.ORGANIZATION_UNKNOWN,
      `No organisation ${reference} is known to the membership service (a new one may take a moment to arrive).`,
      { reference },
    );
  }
}

export class NotBranchLevelError extends DomainError {
  constructor(name: string) {
    super(MembershipErrorCode.NOT_BRANCH_LEVEL, `${name} is not a branch (党支部, 联合党支部 or 临时党支部); members belong to a branch.`);
  }
}

export class InvalidIdNumberError extends DomainError {
  constructor(reason: string) {
    super(MembershipErrorCode.ID_NUMBER_INVALID, `The ID number (身份证号) is not valid: ${reason}`, { field: 'idNumber' });
  }
}

export class IdNumberTakenError extends DomainError {
  constructor() {
    super(MembershipErrorCode.ID_NUMBER_TAKEN, 'A member record with this ID number (身份证号) already exists.', { field: 'idNumber' });
  }
}

/** A development step refused: names the rule, and for a matter of time the day it becomes possible. */
export class StepRefusedError extends DomainError {
  constructor(code: string, rule: string, message: string, possibleFrom: string | null = null) {
    super(code, message, { rule, ...(possibleFrom ? { possibleFrom } : {}) });
  }
}

export class TransferError extends DomainError {}

export class ForbiddenError extends DomainError {
  constructor(message: string) {
    super(MembershipErrorCode.FORBIDDEN, message);
  }
}

/**
 * Refusals of the placement and vote rules, written once in Chinese (English on
 * request), each naming the rule and the limit.
 */
export const MembershipRuleErrors = defineErrors({
  BRANCH_DISSOLVED: (p: { branch: string; dissolvedOn?: string | null }) => ({
    zh: `${p.branch}已撤销，不能再接收党员（登记、导入或转入）；党员只能编入现有的党支部。`,
    en: `${p.branch} has been dissolved: it can no longer receive members (registration, import or transfer); members belong to an existing branch.`,
  }),
  PARTY_GROUP_NOT_OF_BRANCH: (p: { group: string }) => ({
    zh: `${p.group}不是该党员所在支部的现有党小组，党员只能编入本支部的党小组。`,
    en: `${p.group} is not an existing Party group (党小组) of the member's branch.`,
  }),
  VOTE_COUNT_MISMATCH: (p: { branch: string; on: string; given: number; expected: number }) => ({
    zh: `应到会有表决权的党员数（${p.given}）与${p.branch}在 ${p.on} 有表决权的正式党员数（${p.expected}）不符：支部大会的表决以支部全体正式党员为基数。`,
    en: `${p.given} eligible voters were given, but ${p.branch} had ${p.expected} full members with voting rights on ${p.on}; a branch general meeting votes on the basis of all its full members.`,
  }),
});
