import { Registry, collectDefaultMetrics, Gauge } from 'prom-client';

/** A Prometheus registry per service, with process metrics and the service label. */
export function createMetrics(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** Exposes a counter object kept elsewhere (e.g. the relay's stats) as gauges. */
export function exposeStats<T extends { [K in keyof T]: number }>(registry: Registry, prefix: string, stats: T): void {
  for (const key of Object.keys(stats) as Array<keyof T & string>) {
    new Gauge({
      name: `${prefix}_${key}`,
      help: `${prefix} ${key} since start`,
      registers: [registry],
      collect() {
        this.set(stats[key]);
      },
    });
  }
}
