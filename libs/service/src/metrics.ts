import { Counter, Registry, collectDefaultMetrics } from 'prom-client';

/** A Prometheus registry per service, with process metrics and the service label. */
export function createMetrics(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/**
 * Exposes a tally kept elsewhere (the relay's, a consumer's) as counters: `<prefix>_<key>_total`.
 * The tally only grows while the process lives; a restart starts it again from zero, which
 * Prometheus's `rate()` understands as a counter reset.
 */
export function exposeStats<T extends { [K in keyof T]: number }>(registry: Registry, prefix: string, stats: T): void {
  for (const key of Object.keys(stats) as Array<keyof T & string>) {
    new Counter({
      name: `${prefix}_${key}_total`,
      help: `${prefix.replace(/_/g, ' ')} ${key} since the process started`,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(stats[key]);
      },
    });
  }
}
