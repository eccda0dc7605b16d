import type { GraphQLFormattedError } from 'graphql';
import type { Logger } from '@partybuild/logging';

/**
 * Errors with a code (domain codes such as ORGANIZATION_NOT_FOUND, validation, limits) reach
 * the client with their message; unexpected failures would carry internal details (subgraph
 * URLs, HTTP bodies), so they are replaced by a plain message.
 */
/** graphql-js reports a missing or ill-typed variable without a code when the gateway executes. */
const VARIABLE_PROBLEM = /^Variable "\$[^"]+" /;

export const formatGatewayError =
  (logger: Logger) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = VARIABLE_PROBLEM.test(formatted.message)
      ? 'BAD_USER_INPUT'
      : String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (code !== 'INTERNAL_SERVER_ERROR') {
      const { response: _response, stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions: { ...extensions, code } };
    }
    logger.error({ err: error, path: formatted.path }, 'unexpected error at the gateway');
    return {
      message: 'Something went wrong on our side; nothing was changed. Please try again or contact support.',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
