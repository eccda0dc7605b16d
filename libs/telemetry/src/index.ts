export { startTelemetry } from './start-telemetry';
export type { Telemetry } from './start-telemetry';
export { tracingSettings } from './tracing-settings';
export type { TracingEnv, TracingSettings } from './tracing-settings';
export { REQUEST_ID_ATTRIBUTE, traceRequests } from './request-tracing';
export { SpanKind, activeTraceCarrier, carrierOf, failed, inLinkedSpan, startSpanFrom } from './message-tracing';
export type { Span, TraceCarrier } from './message-tracing';
