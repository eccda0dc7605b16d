import { startTelemetry } from '@partybuild/telemetry';

/**
 * Tracing, when the operator set the `OTEL_*` variables. Its own module, imported first by
 * main.ts: the instrumentations patch http and pg as they are loaded, so nothing may load them before.
 */
export const telemetry = startTelemetry('statistics');
