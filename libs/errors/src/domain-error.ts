/**
 * A refusal the caller can act on. Domain code throws these without knowing about GraphQL;
 * the federation layer turns `code` into `extensions.code` and picks the message in the
 * caller's language, so messages are addressed to a party-affairs worker, not to a developer.
 * Refusals come from a catalogue (`defineErrors`) and carry both languages in `messages`;
 * `message` is the Chinese one.
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
