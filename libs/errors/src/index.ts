export { DomainError, CommonCodes, NotAuthenticatedError, OutOfScopeError, InvalidInputError } from './domain-error';
