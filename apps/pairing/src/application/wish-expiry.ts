import type { Logger } from '@partybuild/logging';
import type { WishCommands } from './wish-commands';

const EVERY_MS = 10 * 60 * 1000;

/** Marks wishes past their last day as expired (with their events) at start-up and every ten minutes. */
export function startWishExpiry(wishes: WishCommands, logger: Logger): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    running = wishes
      .expireDue()
      .then((n) => n && logger.info({ expired: n }, 'micro-wishes expired'))
      .catch((error) => logger.warn({ err: error }, 'micro-wish expiry failed; will retry'));
  };
  sweep();
  const timer = setInterval(sweep, EVERY_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
