import { DomainError } from '@partybuild/errors';
export { DomainError, InvalidInputError, OutOfScopeError } from '@partybuild/errors';

/** The organisation service's refusals and their stable codes (`extensions.code`). */
export const OrganizationErrorCode = {
  NOT_FOUND: 'ORGANIZATION_NOT_FOUND',
  DUPLICATE_CODE: 'ORGANIZATION_CODE_TAKEN',
  PARENT_NOT_ALLOWED: 'PARENT_KIND_NOT_ALLOWED',
  CYCLE: 'MOVE_WOULD_CREATE_CYCLE',
  HAS_CHILDREN: 'ORGANIZATION_HAS_CHILDREN',
  HAS_MEMBERS: 'ORGANIZATION_HAS_MEMBERS',
  DISSOLVED: 'ORGANIZATION_DISSOLVED',
  NO_COMMITTEE: 'NO_ELECTED_COMMITTEE',
  COMMITTEE_MEMBER_NOT_FOUND: 'COMMITTEE_MEMBER_NOT_FOUND',
  RULE_VIOLATION: 'RULE_VIOLATION',
} as const;

export class OrganizationNotFoundError extends DomainError {
  constructor(reference: string) {
    super(OrganizationErrorCode.NOT_FOUND, `No organisation ${reference} exists.`, { reference });
  }
}

export class DuplicateCodeError extends DomainError {
  constructor(code: string) {
    super(
      OrganizationErrorCode.DUPLICATE_CODE,
      `The organisation code ${code} is already used by another organisation; codes are never reused.`,
      { field: 'code' },
    );
  }
}

export class ParentNotAllowedError extends DomainError {
  constructor(message: string) {
    super(OrganizationErrorCode.PARENT_NOT_ALLOWED, message);
  }
}

export class MoveCycleError extends DomainError {
  constructor(name: string, parentName: string) {
    super(OrganizationErrorCode.CYCLE, `${name} cannot be moved under ${parentName}: ${parentName} belongs to ${name}'s own subtree.`);
  }
}

export class HasChildrenError extends DomainError {
  constructor(name: string, children: number) {
    super(
      OrganizationErrorCode.HAS_CHILDREN,
      `${name} still has ${children} subordinate organisation(s); move or dissolve them before dissolving it.`,
      { children },
    );
  }
}

export class HasMembersError extends DomainError {
  constructor(name: string, people: number) {
    super(
      OrganizationErrorCode.HAS_MEMBERS,
      `${name} still has ${people} member record(s); transfer them to another organisation before dissolving it.`,
      { people },
    );
  }
}

export class DissolvedOrganizationError extends DomainError {
  constructor(name: string) {
    super(OrganizationErrorCode.DISSOLVED, `${name} has been dissolved; it can no longer be changed or receive subordinates.`);
  }
}

export class RuleViolationError extends DomainError {
  constructor(rule: string, message: string) {
    super(OrganizationErrorCode.RULE_VIOLATION, message, { rule });
  }
}

export class CommitteeMemberNotFoundError extends DomainError {
  constructor(id: string) {
    super(OrganizationErrorCode.COMMITTEE_MEMBER_NOT_FOUND, `No committee appointment ${id} exists.`);
  }
}
