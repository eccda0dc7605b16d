/**
 * A refusal the caller can act on. Domain code throws these without knowing about GraphQL;
 * the federation layer turns `code` into `extensions.code` and keeps `message` as written,
 * so messages are addressed to a party-affairs worker, not to a developer. Refusals from a
 * service's catalogue (`defineErrors`) carry both languages in `messages`; `message` is Chinese.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly messages?: { zh: string; en: string },
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Codes shared by every service; services add their own in their errors module. */
export const CommonCodes = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  RULE_VIOLATION: 'RULE_VIOLATION',
} as const;

export class NotAuthenticatedError extends DomainError {
  constructor(message = 'Please sign in: the request carries no valid token.') {
    super(CommonCodes.UNAUTHENTICATED, message);
  }
}

export class OutOfScopeError extends DomainError {
  constructor(what: string) {
    super(CommonCodes.FORBIDDEN, `You may not act on ${what}: it is outside the organisations you are responsible for.`);
  }
}

export class InvalidInputError extends DomainError {
  constructor(field: string, message: string) {
    super(CommonCodes.BAD_USER_INPUT, message, { field });
  }
}
