import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { CommonErrors, DomainError, messageFor } from '@partybuild/errors';
import { Logger, currentRequestScope } from '@partybuild/logging';

/** The refusal behind an error, however deep graphql-js or Apollo wrapped it. */
export function domainErrorIn(error: unknown): DomainError | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof DomainError) return current;
    current = (current as { originalError?: unknown }).originalError;
  }
  return null;
}

/** A refusal as a GraphQLError (for places that must throw one: scalars, validation rules, plugins). */
export function toGraphQLError(error: DomainError, httpStatus?: number): GraphQLError {
  return new GraphQLError(error.message, {
    originalError: error,
    extensions: { ...error.details, code: error.code, ...(httpStatus ? { http: { status: httpStatus } } : {}) },
  });
}

/** Codes that are the caller's mistake: answered with their message, logged as a refusal. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
]);

/**
 * The one place a subgraph turns errors into answers. Refusals keep their code, get their
 * message in the caller's language (Chinese unless `accept-language` prefers English) and are
 * logged once as a refusal; anything unexpected is logged as an error and replaced by a
 * generic message, so internals never leak. Every error carries the request id, which is
 * what an operator searches the logs for. Logs name the code, operation and path: never
 * variables, bodies or SQL parameters.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const scope = currentRequestScope();
    const log = scope?.log ?? logger;
    const requestId = scope?.requestId;
    const refusal = domainErrorIn(error);
    if (refusal) {
      log.info({ code: refusal.code, reason: refusal.details.reason, path: formatted.path }, 'request refused');
      return {
        message: messageFor(refusal, scope?.acceptLanguage),
        path: formatted.path,
        locations: formatted.locations,
        extensions: { ...refusal.details, code: refusal.code, requestId },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && code !== 'INTERNAL_SERVER_ERROR') {
      if (CLIENT_CODES.has(code)) log.info({ code, path: formatted.path }, 'request refused');
      const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code, requestId } };
    }
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    log.error({ err: original, code: 'INTERNAL_SERVER_ERROR', path: formatted.path }, 'unexpected error');
    return {
      message: messageFor(CommonErrors.INTERNAL(), scope?.acceptLanguage),
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
}

/** A refusal's message in the language of the request being served (for refusals returned as data, e.g. an import's rows). */
export function inCallersLanguage(error: DomainError): string {
  return messageFor(error, currentRequestScope()?.acceptLanguage);
}
