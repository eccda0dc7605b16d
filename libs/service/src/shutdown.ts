import type { Logger } from '@partybuild/logging';

/**
 * Runs the steps in order on SIGTERM/SIGINT (stop accepting, drain, flush the relay, commit
 * offsets, close pools), each at most once, then exits.
 */
export function onShutdown(logger: Logger, steps: Array<() => Promise<void>>): () => Promise<void> {
  let running: Promise<void> | undefined;
  const shutdown = () =>
    (running ??= (async () => {
      for (const step of steps) {
        await step().catch((error) => logger.error({ err: error }, 'shutdown step failed'));
      }
    })());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      void shutdown().then(() => process.exit(0));
    });
  }
  return shutdown;
}
