import type { GraphQLFormattedError } from 'graphql';
import { CommonErrors, messageFor } from '@partybuild/errors';
import { domainErrorIn } from '@partybuild/federation';
import { Logger, currentRequestScope } from '@partybuild/logging';

/** graphql-js reports a missing or ill-typed variable without a code when the gateway executes. */
const VARIABLE_PROBLEM = /^Variable "\$[^"]+" /;
/** An Int literal beyond 32 bits is reported by validation; it is the caller's input mistake. */
const INT_OVERFLOW = /^Int cannot represent non[- ]32-bit signed integer value/;

/**
 * The gateway's answer for every error. Its own refusals (sign-in, limits) get their message
 * in the caller's language and are logged once; errors from subgraphs arrive already worded
 * (the gateway forwards `accept-language`) and logged there; unexpected failures would carry
 * internal details (subgraph URLs, HTTP bodies), so they are logged and replaced by a plain
 * message. Every error carries the request id.
 */
export const formatGatewayError =
  (logger: Logger) =>
  (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const scope = currentRequestScope();
    const log = scope?.log ?? logger;
    const requestId = scope?.requestId;
    const refusal = domainErrorIn(error);
    if (refusal) {
      log.info({ code: refusal.code, reason: refusal.details.reason }, 'request refused');
      const extensions = { ...refusal.details, code: refusal.code, requestId };
      return { message: messageFor(refusal, scope?.acceptLanguage), locations: formatted.locations, path: formatted.path, extensions };
    }
    const code =
      VARIABLE_PROBLEM.test(formatted.message) || INT_OVERFLOW.test(formatted.message)
        ? 'BAD_USER_INPUT'
        : String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (code !== 'INTERNAL_SERVER_ERROR') {
      const { response: _response, stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
      if (!extensions.serviceName) log.info({ code }, 'request refused');
      return { ...formatted, extensions: { ...extensions, code, requestId } };
    }
    log.error({ err: (error as { originalError?: unknown })?.originalError ?? error, code }, 'unexpected error at the gateway');
    return {
      message: messageFor(CommonErrors.INTERNAL(), scope?.acceptLanguage),
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId },
    };
  };
