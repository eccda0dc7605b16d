import pino, { DestinationStream, Logger } from 'pino';

export type { Logger, DestinationStream };

let defaultDestination: DestinationStream | undefined;

/**
 * Where loggers created from now on write (standard output when unset). For tests that read
 * what a whole stack logs, and for embedding the services in another process.
 */
export function useLogDestination(destination: DestinationStream | undefined): void {
  defaultDestination = destination;
}

/**
 * One structured (JSON) logger per service; each request logs through a child carrying its
 * request id (`requestScope`). `destination` lets a test read what would be written.
 */
export function createLogger(
  service: string,
  level = process.env.LOG_LEVEL ?? 'info',
  destination: DestinationStream | undefined = defaultDestination,
): Logger {
  const options: pino.LoggerOptions = {
    name: service,
    level,
    base: { service },
    serializers: { err: safeError, error: safeError },
    redact: {
      paths: ['*.idNumber', '*.phone', 'req.headers.authorization', 'req.body', 'variables', '*.variables'],
      censor: '[masked]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * An error as it may be logged: message, type, stack and codes, never the values it carries.
 * Database errors (TypeORM's QueryFailedError, pg's DatabaseError) hold the statement's
 * parameters and a `detail` that quotes the offending row (`Key (id_number_hash)=(…)`); an
 * HTTP framework's error may hold the request body. Those are dropped.
 */
export function safeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const plain = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  for (const key of ['parameters', 'driverError', 'detail', 'body', 'where', 'variables', 'response', 'request', 'extensions']) {
    delete plain[key];
  }
  // A wrapped error keeps its cause, cleaned the same way.
  if ((error as { cause?: unknown }).cause) plain.cause = safeError((error as { cause?: unknown }).cause);
  return plain;
}
