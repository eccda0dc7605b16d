import { Span, SpanKind, carrierOf, failed, startSpanFrom } from '@partybuild/telemetry';
import type { PendingRow } from './outbox-relay';

/**
 * One producer span per published event whose writing request was traced, as a child of that
 * request: the trace goes from the gateway through the subgraph and its SQL to the broker's
 * acknowledgement. The span's context travels in the message headers, for the consumers.
 * Rows written untraced cost nothing.
 */
export function publishSpans(rows: PendingRow[], system: string) {
  const spans = new Map<PendingRow, Span>();
  for (const row of rows) {
    if (!row.trace_context) continue;
    spans.set(
      row,
      startSpanFrom(row.trace_context, `publish ${row.topic}`, SpanKind.PRODUCER, {
        'messaging.system': system,
        'messaging.operation.type': 'publish',
        'messaging.destination.name': row.topic,
        'messaging.message.id': row.event_id,
        'messaging.batch.message_count': rows.length,
      }),
    );
  }
  return {
    headersOf: (row: PendingRow): Record<string, string> | undefined => {
      const span = spans.get(row);
      return span ? carrierOf(span) : undefined;
    },
    /** Ends every span once (a failed mark after a successful publish does not end them twice). */
    end: (error?: unknown) => {
      for (const span of spans.values()) {
        if (error) failed(span, error);
        span.end();
      }
      spans.clear();
    },
  };
}
