export { DomainError, CommonCodes } from './domain-error';
export { defineErrors, badInput, sharedCode, messageFor, prefersEnglish } from './catalogue';
export type { LocalizedMessage, MessageTemplate, ErrorCatalogue, SharedCodeEntry } from './catalogue';
export { CommonErrors, NotAuthenticatedError, OutOfScopeError } from './common-errors';
export { RangeErrors, checkDayWithin, checkNumberWithin } from './ranges';
export type { DayRange, NumberRange } from './ranges';
