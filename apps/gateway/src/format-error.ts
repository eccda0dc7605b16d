import type { GraphQLFormattedError } from 'graphql';

/**
 * Errors with a code (domain codes such as ORGANIZATION_NOT_FOUND, validation, limits) reach
 * the client with their message; unexpected failures would carry internal details (subgraph
 * URLs, HTTP bodies), so they are replaced by a plain message.
 */
export function formatGatewayError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (code !== 'INTERNAL_SERVER_ERROR') {
    const { response: _response, stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { ...extensions, code } };
  }
  return {
    message: 'Something went wrong on our side; nothing was changed. Please try again or contact support.',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
