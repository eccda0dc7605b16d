export { DomainError, CommonCodes } from './domain-error';
export { defineErrors, badInput, sharedCode, messageFor, prefersEnglish } from './catalogue';
export type { LocalizedMessage, MessageTemplate, ErrorCatalogue, SharedCodeEntry } from './catalogue';
export { CommonErrors, NotAuthenticatedError, OutOfScopeError } from './common-errors';
