import pino, { Logger } from 'pino';

export type { Logger };

/** One structured (JSON) logger per service; children add context such as the request id. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service },
    redact: { paths: ['*.idNumber', '*.phone', 'req.headers.authorization'], censor: '[masked]' },
  });
}
