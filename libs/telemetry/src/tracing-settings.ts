/** The OpenTelemetry variables this platform reads (the standard names, nothing of its own). */
export interface TracingEnv {
  OTEL_SDK_DISABLED?: string;
  OTEL_TRACES_EXPORTER?: string;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?: string;
}

export type TracingSettings =
  | { enabled: false; reason: string }
  | { enabled: true; exporter: 'otlp'; endpoint: string }
  | { enabled: true; exporter: 'console' };

/** Where the OTLP/HTTP exporter sends when asked for `otlp` without an endpoint (the specification's default). */
const DEFAULT_OTLP_TRACES_ENDPOINT = 'http://localhost:4318/v1/traces';

/**
 * Whether to trace and where to. Intranets are offline and an outbound connection nobody
 * configured is a finding, so tracing is off unless an operator names an exporter or an
 * endpoint — unlike the specification's default of `otlp` to localhost. `OTEL_SDK_DISABLED`
 * wins over everything. An exporter this platform does not ship stops the service at start-up.
 */
export function tracingSettings(env: TracingEnv): TracingSettings {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') return { enabled: false, reason: 'OTEL_SDK_DISABLED=true' };
  const exporters = (env.OTEL_TRACES_EXPORTER ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const tracesEndpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  const endpoint = env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const otlpEndpoint = tracesEndpoint || (endpoint ? `${endpoint.replace(/\/+$/, '')}/v1/traces` : undefined);
  if (exporters.length === 0) {
    return otlpEndpoint
      ? { enabled: true, exporter: 'otlp', endpoint: otlpEndpoint }
      : { enabled: false, reason: 'no OTEL_TRACES_EXPORTER or OTEL_EXPORTER_OTLP_ENDPOINT set' };
  }
  const unknown = exporters.filter((name) => !['otlp', 'console', 'none'].includes(name));
  if (unknown.length) throw new Error(`OTEL_TRACES_EXPORTER: ${unknown.join(', ')} is not available (otlp, console or none)`);
  if (exporters.includes('none')) return { enabled: false, reason: 'OTEL_TRACES_EXPORTER=none' };
  if (exporters.includes('otlp')) return { enabled: true, exporter: 'otlp', endpoint: otlpEndpoint ?? DEFAULT_OTLP_TRACES_ENDPOINT };
  return { enabled: true, exporter: 'console' };
}
