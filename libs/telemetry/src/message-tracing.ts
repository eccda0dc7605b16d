import { Context, Link, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, context, propagation, trace } from '@opentelemetry/api';

/** A span context written down (`traceparent`, `tracestate`), to travel in a table row or a message header. */
export type TraceCarrier = Record<string, string>;

const getter = {
  keys: (carrier: TraceCarrier) => Object.keys(carrier),
  get: (carrier: TraceCarrier, key: string) => carrier[key],
};

/** The active span's context as headers, or null when nothing is traced (tracing off, or outside a span). */
export function activeTraceCarrier(): TraceCarrier | null {
  if (!trace.getActiveSpan()) return null;
  const carrier: TraceCarrier = {};
  propagation.inject(context.active(), carrier);
  return Object.keys(carrier).length ? carrier : null;
}

const contextOf = (carrier: TraceCarrier): Context => propagation.extract(ROOT_CONTEXT, carrier, getter);

/** Starts a span as the child of a written-down context (the request that wrote an outbox row). */
export function startSpanFrom(carrier: TraceCarrier, name: string, kind: SpanKind, attributes: Record<string, string | number>): Span {
  return trace.getTracer('@partybuild/events').startSpan(name, { kind, attributes }, contextOf(carrier));
}

/** The carrier of a span, to send along with what it produced (a Kafka header). */
export function carrierOf(span: Span): TraceCarrier {
  const carrier: TraceCarrier = {};
  propagation.inject(trace.setSpan(ROOT_CONTEXT, span), carrier);
  return carrier;
}

/**
 * Runs `work` in a span linked to the contexts the messages carried (a batch has many
 * producers, so they are links, not parents); statements run by `work` are its children.
 */
export async function inLinkedSpan<T>(
  name: string,
  kind: SpanKind,
  carriers: TraceCarrier[],
  attributes: Record<string, string | number>,
  work: () => Promise<T>,
): Promise<T> {
  const tracer = trace.getTracer('@partybuild/events');
  const links: Link[] = carriers.flatMap((carrier) => {
    const spanContext = trace.getSpanContext(contextOf(carrier));
    return spanContext ? [{ context: spanContext }] : [];
  });
  return tracer.startActiveSpan(name, { kind, attributes, links }, async (span) => {
    try {
      return await work();
    } catch (error) {
      failed(span, error);
      throw error;
    } finally {
      span.end();
    }
  });
}

/** Marks a span failed with the error's type and message (never the values it carries). */
export function failed(span: Span, error: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
  if (error instanceof Error) span.setAttribute('error.type', error.name);
}

export { SpanKind };
export type { Span };
