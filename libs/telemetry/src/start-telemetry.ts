import type { IncomingMessage } from 'node:http';
import { TracingEnv, tracingSettings } from './tracing-settings';

export interface Telemetry {
  enabled: boolean;
  /** One line for the start-up log: where traces go, or why they do not. */
  description: string;
  /** Sends the spans still buffered; call it last at shutdown. */
  shutdown(): Promise<void>;
}

/** Paths probed every few seconds by load balancers and Prometheus: traced, they would drown the requests. */
const UNTRACED_PATHS = /^\/(healthz|readyz|metrics)(\?|$)/;

/**
 * Starts tracing for one process when the operator asked for it with the standard `OTEL_*`
 * variables (see `tracingSettings`); otherwise loads nothing and changes nothing. Call it
 * before anything loads `http` or `pg` (first import of the app's main): the instrumentations
 * patch those modules as they are required.
 *
 * What is traced: incoming and outgoing HTTP (W3C `traceparent` in and out, so the gateway's
 * subgraph fetches continue its trace), the @apollo/gateway's own planning and fetch spans,
 * SQL statements (text only: parameter values can carry personal data) under a request or an
 * event's span, and the outbox publish and consumer apply spans of `@partybuild/events`.
 */
export function startTelemetry(service: string, env: NodeJS.ProcessEnv & TracingEnv = process.env): Telemetry {
  const settings = tracingSettings(env);
  if (!settings.enabled) return { enabled: false, description: `tracing off: ${settings.reason}`, shutdown: async () => undefined };

  // Loaded only when tracing is on: a process that does not trace keeps none of this in memory.
  const { AsyncLocalStorageContextManager } = require('@opentelemetry/context-async-hooks') as typeof import('@opentelemetry/context-async-hooks');
  const { BasicTracerProvider, BatchSpanProcessor, ConsoleSpanExporter } =
    require('@opentelemetry/sdk-trace-base') as typeof import('@opentelemetry/sdk-trace-base');
  const { Resource, envDetectorSync } = require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { registerInstrumentations } = require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');

  const exporter =
    settings.exporter === 'otlp'
      ? new (require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http')).OTLPTraceExporter({
          url: settings.endpoint,
        })
      : new ConsoleSpanExporter();
  // OTEL_SERVICE_NAME and OTEL_RESOURCE_ATTRIBUTES, when set, override the service's own name.
  const resource = Resource.default()
    .merge(new Resource({ 'service.name': service, 'service.namespace': 'partybuild' }))
    .merge(envDetectorSync.detect());
  // The sampler (OTEL_TRACES_SAMPLER), the batch (OTEL_BSP_*) and the propagators (OTEL_PROPAGATORS,
  // W3C trace context and baggage by default) follow their standard variables.
  const provider = new BasicTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(exporter)] });
  provider.register({ contextManager: new AsyncLocalStorageContextManager() });
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.test(request.url ?? ''),
      }),
      // Statements outside any request or event (the relay's polling) would be noise: they need a parent.
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
    ],
  });
  return {
    enabled: true,
    description: settings.exporter === 'otlp' ? `traces exported over OTLP/HTTP to ${settings.endpoint}` : 'traces written to standard output',
    shutdown: () => provider.shutdown(),
  };
}
