import type { NextFunction, Request, Response } from 'express';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import type { OperationDefinitionNode } from 'graphql';
import { CommonErrors, defineErrors, messageFor } from '@partybuild/errors';
import { Logger, nameOperation, requestIdFrom } from '@partybuild/logging';

const HttpErrors = defineErrors({
  BAD_REQUEST_JSON: () => ({
    zh: '请求体不是有效的 JSON，无法处理。请检查请求格式（Content-Type: application/json）。',
    en: 'The request body is not valid JSON.',
  }),
  PAYLOAD_TOO_LARGE: (p: { limit: string }) => ({
    zh: `请求体超过 ${p.limit} 的上限（MAX_REQUEST_MEGABYTES），未做任何处理。花名册请分成较小的文件分别导入。`,
    en: `The request body is larger than the limit of ${p.limit} (MAX_REQUEST_MEGABYTES); nothing was done. Split a roster into smaller files.`,
  }),
});

/** A body limit in bytes as a clerk reads it: `16 MB`. */
const megabytes = (bytes?: number): string => (bytes ? `${Math.round(bytes / 1048576)} MB` : '');

/**
 * Express's default error handler answers a body that is not JSON with an HTML page and a
 * stack trace, and logs the error, body included (ID numbers, phones). This one answers with
 * a JSON error and a code, status 400 (413 when too large), and logs only the request id and
 * the code: never the body.
 */
export function jsonBodyErrors(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    const type = (error as { type?: string }).type;
    const status = (error as { status?: number }).status;
    if (res.headersSent) return next(error);
    const requestId = requestIdFrom(req.header('x-request-id'));
    const language = req.header('accept-language');
    const refusal =
      type === 'entity.too.large'
        ? HttpErrors.PAYLOAD_TOO_LARGE({ limit: megabytes((error as { limit?: number }).limit) })
        : type === 'entity.parse.failed' || (status && status >= 400 && status < 500)
          ? HttpErrors.BAD_REQUEST_JSON()
          : null;
    if (refusal) {
      logger.info({ requestId, code: refusal.code, path: req.path }, 'request refused');
      res.status(type === 'entity.too.large' ? 413 : 400).json({
        errors: [{ message: messageFor(refusal, language), extensions: { code: refusal.code, requestId } }],
      });
      return;
    }
    logger.error({ requestId, code: 'INTERNAL_SERVER_ERROR', errorType: (error as Error)?.name }, 'unexpected HTTP error');
    res.status(500).json({
      errors: [{ message: messageFor(CommonErrors.INTERNAL(), language), extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }],
    });
  };
}

/** The operation's name (or, unnamed, its kind and root fields) in every later log line of the request. */
export const operationNaming: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operationName, operation }) {
        // The gateway names a subgraph's part of a plan `<operation>__<subgraph>__<n>`: log the client's name.
        nameOperation(operationName?.replace(/__[a-z0-9_-]+__\d+$/i, '') ?? (operation ? describe(operation) : null));
      },
    };
  },
};

function describe(operation: OperationDefinitionNode): string {
  const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : []));
  return `${operation.operation} ${fields.slice(0, 3).join(',')}`;
}

/**
 * Apollo Server reports usage and schemas to Apollo's cloud when APOLLO_KEY (and friends) are
 * in the environment. A district's intranet system must never phone home, whatever someone
 * sets: the reporting plugins are installed disabled, which Apollo honours over the variables.
 */
export function noPhoningHome(): ApolloServerPlugin[] {
  return [ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled()];
}
