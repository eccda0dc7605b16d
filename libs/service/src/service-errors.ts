import type { GraphQLFormattedError } from 'graphql';
import { defineErrors } from '@partybuild/errors';
import { isDatabaseUnavailable } from '@partybuild/persistence';

/** Refusals every service shares that are about the service itself, not the request. */
export const ServiceErrors = defineErrors({
  SERVICE_UNAVAILABLE: () => ({
    zh: '数据库暂时无法连接（可能正在重启），本次操作没有保存，请稍后再试。',
    en: 'The database cannot be reached right now (it may be restarting); nothing was saved. Please try again shortly.',
  }),
});

type Formatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

/**
 * While PostgreSQL restarts, a request fails on a dropped or refused connection: that is a
 * temporary outage the caller can retry (SERVICE_UNAVAILABLE), not an internal error.
 */
export const withDatabaseOutages =
  (format: Formatter): Formatter =>
  (formatted, error) =>
    format(
      formatted,
      isDatabaseUnavailable((error as { originalError?: unknown })?.originalError ?? error) ? ServiceErrors.SERVICE_UNAVAILABLE() : error,
    );
