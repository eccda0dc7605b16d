export { DomainError, CommonCodes, NotAuthenticatedError, OutOfScopeError, InvalidInputError } from './domain-error';
export { defineErrors, messageFor, prefersEnglish } from './catalogue';
export type { LocalizedMessage, MessageTemplate, ErrorCatalogue } from './catalogue';
export { RangeErrors, checkDayWithin, checkNumberWithin } from './ranges';
export type { DayRange, NumberRange } from './ranges';
